package org.sqnbench.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.sqnbench.data.Datasets;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.optim.MbLbfgs;
import org.sqnbench.optim.Optimizers;
import org.sqnbench.optim.SgdBb;
import org.sqnbench.study.Method;

/**
 * Checks what is given with {@code -p name=v1,v2} before JMH forks anything, so that a typo ends in one clear line
 * instead of a stack trace per fork, or, for a name, instead of a run that silently ignores it (JMH does).
 */
public final class Params {
    private Params() {
    }

    public static void validate(CommandLineOptions cli) {
        List<NetworkKind> networks = values(cli, "network").stream().map(NetworkKind::parse).toList();
        if (networks.isEmpty()) {
            networks = List.of(NetworkKind.values());
        }
        for (String data : values(cli, "data")) {
            for (NetworkKind kind : networks) {
                Datasets.check(data, kind.format());
            }
        }
        values(cli, "optimizer").forEach(Optimizers::checkName);
        values(cli, "method").forEach(UpdateBenchmark::checkMethod);
        values(cli, "overlapGradient").forEach(MbLbfgs.OverlapGradient::parse);
        values(cli, "curvature").forEach(MbLbfgs.CurvatureRule::parse);
        values(cli, "bbSmoothing").forEach(SgdBb.Smoothing::parse);
        values(cli, "epochForm").forEach(MbLbfgs.EpochForm::parse);
        boolean damping = values(cli, "curvature").isEmpty()
                ? Optimizers.Settings.DEFAULT.curvature() == MbLbfgs.CurvatureRule.DAMP
                : values(cli, "curvature").contains(MbLbfgs.CurvatureRule.DAMP.cliName);
        values(cli, "curvatureEpsilon").forEach(v -> {
            double eps = number("curvatureEpsilon", v);
            if (!(eps >= 0)) {
                throw new IllegalArgumentException("curvatureEpsilon: " + v + " must be >= 0 (0 = the rule's default)");
            }
            if (damping && eps >= 1) {
                throw new IllegalArgumentException("curvatureEpsilon: " + v + " must be below 1 for curvature=damp");
            }
        });
        values(cli, "bbMaxStep").forEach(v -> {
            if (!(number("bbMaxStep", v) >= 0)) {
                throw new IllegalArgumentException("bbMaxStep: " + v + " must be >= 0 (0 = the network's cap, Infinity = none)");
            }
        });
        values(cli, "form").forEach(InverseHessianBenchmark::parseForm);
        for (String name : List.of("batchSize", "memory", "overlapSize", "gradientSamples")) {
            values(cli, name).forEach(v -> integer(name, v, 1));
        }
        for (String name : List.of("threads", "trainSize")) {
            values(cli, name).forEach(v -> integer(name, v, 0));
        }
        values(cli, "overlap").forEach(v -> {
            double r = number("overlap", v);
            if (!(r > 0 && r < 0.5)) {
                throw new IllegalArgumentException("overlap: " + v + " must be in (0, 0.5)");
            }
        });
        checkOverlapSizes(cli);
        values(cli, "learningRate").forEach(v -> {
            if (!(number("learningRate", v) >= 0)) {
                throw new IllegalArgumentException("learningRate: " + v + " must be >= 0 (0 = the default)");
            }
        });
        values(cli, "seed").forEach(v -> {
            try {
                Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seed: '" + v + "' is not an integer");
            }
        });
    }

    /**
     * Every given batch size with every given overlap (or the default overlap, when MB-LBFGS is named) must leave
     * MB-LBFGS 1 ≤ l &lt; b/2 shared samples; otherwise each fork would throw on its own.
     */
    private static void checkOverlapSizes(CommandLineOptions cli) {
        Collection<String> overlaps = values(cli, "overlap");
        if (overlaps.isEmpty() && values(cli, "optimizer").contains(Method.Names.MB_LBFGS)) {
            overlaps = List.of(String.valueOf(Method.DEFAULT_OVERLAP));
        }
        for (String b : values(cli, "batchSize")) {
            for (String r : overlaps) {
                MbLbfgs.overlapSize(number("overlap", r), integer("batchSize", b, 1));
            }
        }
    }

    /**
     * Refuses a {@code -p} name that none of the benchmarks the include and exclude patterns select declares: JMH
     * would run them with their defaults and say nothing. The message lists the parameters they do have.
     *
     * @param args the command line, which names the {@code -p} parameters (JMH's options do not list them)
     */
    public static void checkNames(String[] args, CommandLineOptions cli) {
        // only what JMH took as parameters: "-prof" also starts with "-p"
        List<String> names = parameterNames(args).stream().filter(n -> cli.getParameter(n).hasValue()).toList();
        if (names.isEmpty()) {
            return;
        }
        List<String> includes = cli.getIncludes().isEmpty() ? List.of(".*") : cli.getIncludes();
        OutputFormat silent = OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                VerboseMode.SILENT);
        SortedSet<BenchmarkListEntry> selected = BenchmarkList.defaultList().find(silent, includes, cli.getExcludes());
        if (selected.isEmpty()) {
            return; // JMH says that no benchmark matches
        }
        SortedSet<String> declared = new TreeSet<>();
        selected.forEach(b -> b.getParams().orElse(Map.of()).keySet().forEach(declared::add));
        for (String name : names) {
            if (!declared.contains(name)) {
                throw new IllegalArgumentException("-p " + name + ": no selected benchmark has this parameter; "
                        + (declared.isEmpty() ? "they have none" : "theirs are " + String.join(", ", declared)));
            }
        }
    }

    /** The names given with {@code -p name=...} or {@code -pname=...}, in order. */
    static List<String> parameterNames(String[] args) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = args[i].equals("-p") && i + 1 < args.length ? args[++i]
                    : args[i].startsWith("-p") && args[i].length() > 2 ? args[i].substring(2) : null;
            if (value != null) {
                names.add(value.split("=", 2)[0].trim());
            }
        }
        return names;
    }

    static Collection<String> values(CommandLineOptions cli, String name) {
        return cli.getParameter(name).orElse(List.of());
    }

    static double number(String name, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a number");
        }
    }

    static int integer(String name, String value, int min) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not an integer");
        }
        if (v < min) {
            throw new IllegalArgumentException(name + ": " + v + " is below the minimum " + min);
        }
        return v;
    }
}
