package org.sqnbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.sqnbench.bench.Params;
import org.sqnbench.bench.StandardStudy;
import org.sqnbench.data.DataException;
import org.sqnbench.report.CheckCommand;
import org.sqnbench.report.ReportCommand;

/**
 * Entry point of benchmarks.jar: with no arguments the standard study ({@link StandardStudy}); {@code report} and
 * {@code check} turn result files into charts and a verdict, or compare them with a baseline
 * ({@link ReportCommand}, {@link CheckCommand}); otherwise JMH with its usual options. Benchmark parameters given
 * with -p are checked before any fork starts, and results go to
 * jmh-results/&lt;timestamp&gt;.json unless -rf/-rff say otherwise.
 * Errors a user can cause end with one line on stderr and exit status 2.
 * {@code resume} continues the most recent stopped or partly failed study.
 */
public final class Main {
    static final Path RESULTS = Path.of("jmh-results");

    private Main() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (UsageException | IllegalArgumentException | DataException e) {
            System.err.println("sqnbench: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    static int run(String[] args) {
        if (args.length > 0 && (args[0].equals("report") || args[0].equals("check"))) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            return args[0].equals("report") ? ReportCommand.run(rest) : CheckCommand.run(rest);
        }
        if (args.length == 0 || args[0].equals("study") || args[0].equals("resume")) {
            return study(args);
        }
        CommandLineOptions cli;
        try {
            cli = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            throw new UsageException(e.getMessage());
        }
        if (cli.shouldHelp()) {
            try {
                cli.showHelp();
            } catch (IOException e) {
                throw new UsageException("cannot print help: " + e.getMessage());
            }
            return 0;
        }
        if (cli.shouldListProfilers()) {
            cli.listProfilers();
            return 0;
        }
        if (cli.shouldListResultFormats()) {
            cli.listResultFormats();
            return 0;
        }
        if (cli.shouldList() || cli.shouldListWithParams()) {
            Runner runner = new Runner(cli);
            if (cli.shouldListWithParams()) {
                runner.listWithParams(cli);
            } else {
                runner.list();
            }
            return 0;
        }
        Params.validate(cli);
        if (cli.getResult().hasValue() || cli.getResultFormat().hasValue()) {
            return runJmh(cli, null);
        }
        Path output = newResultFile();
        return runJmh(new OptionsBuilder().parent(cli).resultFormat(ResultFormatType.JSON).result(output.toString()).build(),
                output);
    }

    /**
     * No arguments or {@code study [JMH options]}: a new standard study (the options, for a quick trial of the
     * machinery such as {@code -f 1 -wi 0 -i 1}, go to every part); {@code resume}: the most recent unfinished one.
     * Either way the job ends with the charts and the verdict of whatever finished.
     */
    private static int study(String[] args) {
        StandardStudy.Summary summary;
        try {
            if (args.length > 0 && args[0].equals("resume")) {
                if (args.length > 1) {
                    throw new UsageException("resume takes no arguments: it runs with the study's recorded settings");
                }
                summary = StandardStudy.resume(RESULTS).orElseThrow(() ->
                        new UsageException("no unfinished study in " + RESULTS + " to resume"));
            } else {
                List<String> options = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
                summary = StandardStudy.start(RESULTS, options);
            }
        } catch (IOException e) {
            System.err.println("sqnbench: cannot keep the study's results: " + e.getMessage());
            return 1;
        }
        if (summary.stopped() || !summary.hasResults()) {
            return 1;
        }
        int report = ReportCommand.run(new String[]{summary.folder().toString()});
        return summary.failed().isEmpty() ? report : 1;
    }

    /** jmh-results/&lt;timestamp&gt;.json, creating the directory. */
    private static Path newResultFile() {
        try {
            Files.createDirectories(RESULTS);
        } catch (IOException e) {
            throw new UsageException("cannot create " + RESULTS + ": " + e.getMessage());
        }
        return RESULTS.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss")) + ".json");
    }

    private static int runJmh(Options options, Path output) {
        try {
            new Runner(options).run();
        } catch (NoBenchmarksException e) {
            throw new UsageException("no benchmark matches the given include pattern (see -l for the list)");
        } catch (RunnerException e) {
            System.err.println("sqnbench: benchmark run failed: " + e.getMessage());
            return 1;
        }
        if (output != null) {
            System.out.println("Results written to " + output);
        }
        return 0;
    }

    /** A mistake in the command line. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
