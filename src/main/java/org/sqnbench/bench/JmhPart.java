package org.sqnbench.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs one part of the study with JMH. JMH goes on after a benchmark whose fork crashed or threw (its default,
 * failOnError off) and leaves that benchmark out of its results; this class names those benchmarks, so that the
 * part is recorded as failed while the benchmarks that finished are kept. JMH is given no result file: the results
 * come back from {@link Runner#run()} and the study writes them atomically, so an interrupted part leaves no file.
 */
final class JmhPart implements StandardStudy.PartRunner {
    private volatile boolean stopped;

    @Override
    public Outcome run(StudyPart part, List<String> jmhOptions) throws RunnerException {
        Options options = options(part, jmhOptions);
        List<BenchmarkParams> started = new ArrayList<>();
        Collection<RunResult> results = new Runner(options, console(options, started, Thread.currentThread())).run();
        Set<BenchmarkParams> finished = new HashSet<>();
        results.forEach(r -> finished.add(r.getParams()));
        List<String> failures = started.stream().filter(p -> !finished.contains(p)).map(JmhPart::describe).toList();
        if (results.isEmpty()) {
            return new Outcome(null, failures.isEmpty() ? List.of("no benchmark finished") : failures);
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(json, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, out).writeOut(results);
        }
        return new Outcome(json.toString(StandardCharsets.UTF_8), failures);
    }

    /** The part's include pattern and parameters over the study's JMH options. */
    static Options options(StudyPart part, List<String> jmhOptions) {
        CommandLineOptions cli = parse(jmhOptions);
        ChainedOptionsBuilder options = new OptionsBuilder().parent(cli)
                .include("\\.(" + part.include() + ")Benchmark\\.");
        part.params().forEach((name, values) -> options.param(name, values.split(",")));
        if (part.warmups() != null && !cli.getWarmupIterations().hasValue()) {
            options.warmupIterations(part.warmups());
        }
        if (part.measurements() != null && !cli.getMeasurementIterations().hasValue()) {
            options.measurementIterations(part.measurements());
        }
        if (part.forks() != null && !cli.getForkCount().hasValue()) {
            options.forks(part.forks());
        }
        // the kernels' short runs are the study's default; timing options given to the study win over them
        if (part.shortKernelRuns()) {
            if (!cli.getWarmupIterations().hasValue()) {
                options.warmupIterations(2);
            }
            if (!cli.getWarmupTime().hasValue()) {
                options.warmupTime(TimeValue.seconds(1));
            }
            if (!cli.getMeasurementIterations().hasValue()) {
                options.measurementIterations(3);
            }
            if (!cli.getMeasurementTime().hasValue()) {
                options.measurementTime(TimeValue.seconds(1));
            }
        }
        return options.build();
    }

    static CommandLineOptions parse(List<String> jmhOptions) {
        try {
            return new CommandLineOptions(jmhOptions.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /**
     * Once the study is stopping, JMH's next word to the console from its main thread throws, which ends its run
     * before it can start another fork (it prints before each one); what its other threads pass on from the forks
     * is dropped.
     */
    @Override
    public void stop() {
        stopped = true;
    }

    /**
     * JMH's usual console output, noting each benchmark as it starts (JMH drops a failed benchmark from its results,
     * so started minus returned is what failed), and silent once {@link #stop()} was called. A proxy, as JMH's own
     * link client uses, because OutputFormat has thirteen methods and only two things matter here.
     */
    private OutputFormat console(Options options, List<BenchmarkParams> started, Thread jmhMain) {
        OutputFormat console = OutputFormatFactory.createFormatInstance(System.out,
                options.verbosity().orElse(Defaults.VERBOSITY));
        return (OutputFormat) Proxy.newProxyInstance(OutputFormat.class.getClassLoader(),
                new Class<?>[]{OutputFormat.class}, (proxy, method, args) -> {
                    if (stopped) {
                        if (Thread.currentThread() == jmhMain) {
                            throw new IllegalStateException("the study is stopping");
                        }
                        return null;
                    }
                    if (method.getName().equals("startBenchmark")) {
                        started.add((BenchmarkParams) args[0]);
                    }
                    try {
                        return method.invoke(console, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** "GradientFloorBenchmark.gradient {network=cnn, threads=0}". */
    static String describe(BenchmarkParams p) {
        String name = p.getBenchmark();
        int dot = name.lastIndexOf('.', name.lastIndexOf('.') - 1);
        String params = p.getParamsKeys().stream().map(k -> k + "=" + p.getParam(k))
                .collect(Collectors.joining(", "));
        return name.substring(dot + 1) + (params.isEmpty() ? "" : " {" + params + "}");
    }
}
