package org.sqnbench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;
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
import org.sqnbench.check.CheckCommand;
import org.sqnbench.data.DataException;
import org.sqnbench.report.ReportCommand;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.train.Sweep;

/**
 * Entry point of benchmarks.jar: with no arguments the standard study ({@link StandardStudy}); the project's own
 * commands ({@link #COMMANDS}: report, check, sweep, study, resume) by their first word; {@code -h} or {@code help} lists them
 * above JMH's options; anything else is JMH's command line. Benchmark parameters given with -p are checked before
 * any fork starts, and results go to jmh-results/&lt;timestamp&gt;.json unless -rf/-rff say otherwise.
 * Errors a user can cause end with one line on stderr and exit status 2.
 */
public final class Main {
    static final Path RESULTS = Path.of("jmh-results");

    /** A command of the jar besides JMH's own command line: its first word, its usage line, and what runs it. */
    record Command(String name, String usage, ToIntFunction<String[]> run) {
    }

    /** The project's commands, in the order the help lists them; a new command is one more entry here. */
    static final List<Command> COMMANDS = List.of(
            new Command("report", ReportCommand.USAGE, ReportCommand::run),
            new Command("check", CheckCommand.USAGE, CheckCommand::run),
            new Command("sweep", Sweep.USAGE, Sweep::run),
            new Command("study", "usage: study [JMH options]  (the standard study with these options added to every"
                    + " part, e.g. -f 1 -wi 0 -i 1 for a quick trial)", Main::study),
            new Command("conditions", "usage: conditions [JMH options]  (the conditions map: MB-LBFGS over batch size,"
                    + " overlap, memory and epoch form, with the kernels its cost model needs; about 37 min)",
                    Main::conditions),
            new Command("resume", "usage: resume  (continues the most recent unfinished study in " + RESULTS
                    + ": its missing or failed parts with its recorded settings, then the report)", Main::resume));

    private Main() {
    }

    public static void main(String[] args) {
        OptionalInt relaunched = Relaunch.ifNeeded();
        System.exit(relaunched.isPresent() ? relaunched.getAsInt() : status(args, System.err));
    }

    /** Runs the command line and returns its exit status; input a user got wrong is one line on {@code err}, 2. */
    static int status(String[] args, PrintStream err) {
        try {
            return run(args);
        } catch (UsageException | IllegalArgumentException | DataException e) {
            err.println("sqnbench: " + e.getMessage());
            return 2;
        }
    }

    static int run(String[] args) {
        Optional<Command> command = args.length == 0 ? Optional.empty()
                : COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst();
        if (command.isPresent()) {
            return command.get().run().applyAsInt(Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length == 0) {
            return study(args);
        }
        CommandLineOptions cli;
        try {
            // "help" is JMH's -h with the project's commands above it
            cli = new CommandLineOptions(args.length == 1 && args[0].equals("help") ? new String[] {"-h"} : args);
        } catch (CommandLineOptionException e) {
            throw new UsageException(e.getMessage());
        }
        if (cli.shouldHelp()) {
            return help(cli);
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
        Params.checkNames(args, cli);
        Params.validate(cli);
        if (cli.getResult().hasValue() || cli.getResultFormat().hasValue()) {
            return runJmh(cli, null);
        }
        Path output = newResultFile();
        return runJmh(new OptionsBuilder().parent(cli).resultFormat(ResultFormatType.JSON).result(output.toString()).build(),
                output);
    }

    /** The project's commands and their usage, then JMH's options. */
    private static int help(CommandLineOptions cli) {
        System.out.println(commandsHelp());
        try {
            cli.showHelp();
        } catch (IOException e) {
            throw new UsageException("cannot print help: " + e.getMessage());
        }
        return 0;
    }

    static String commandsHelp() {
        StringBuilder b = new StringBuilder("sqnbench: a JMH study of five optimizers. Commands of benchmarks.jar:\n")
                .append("  (no arguments)  the standard study: every benchmark, each part kept in ").append(RESULTS)
                .append("/<timestamp>/ as it finishes, then the report in ").append(ReportCommand.DEFAULT_OUT).append('\n');
        for (Command c : COMMANDS) {
            b.append("  ").append(c.usage()).append('\n');
        }
        return b.append("  help, -h        this text\n")
                .append("Anything else is JMH's command line (results in ").append(RESULTS)
                .append("/<timestamp>.json unless -rf/-rff say otherwise; -p names and values are checked first):")
                .toString();
    }

    /**
     * No arguments or {@code study [JMH options]}: a new standard study (the options, for a quick trial of the
     * machinery such as {@code -f 1 -wi 0 -i 1}, go to every part). It ends with the charts and the verdict of
     * whatever finished.
     */
    private static int study(String[] jmhOptions) {
        return finish(() -> StandardStudy.start(RESULTS, Arrays.asList(jmhOptions)));
    }

    /** {@code conditions [JMH options]}: a new conditions map, in a study folder of its own. */
    private static int conditions(String[] jmhOptions) {
        return finish(() -> StandardStudy.startConditions(RESULTS, Arrays.asList(jmhOptions)));
    }

    /** {@code resume}: the most recent unfinished study, with its recorded settings. */
    private static int resume(String[] rest) {
        if (rest.length > 0) {
            throw new UsageException("resume takes no arguments: it runs with the study's recorded settings");
        }
        return finish(() -> StandardStudy.resume(RESULTS).orElseThrow(() ->
                new UsageException("no unfinished study in " + RESULTS + " to resume")));
    }

    private interface StudyRun {
        StandardStudy.Summary run() throws IOException;
    }

    private static int finish(StudyRun run) {
        StandardStudy.Summary summary;
        try {
            summary = run.run();
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
        return RESULTS.resolve(LocalDateTime.now().format(Benchmarks.RUN_NAME) + ".json");
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
