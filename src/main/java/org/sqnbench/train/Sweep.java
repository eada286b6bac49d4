package org.sqnbench.train;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.sqnbench.data.DataSplit;
import org.sqnbench.data.Datasets;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.Evaluation;
import org.sqnbench.nn.Network;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.optim.MbLbfgs;
import org.sqnbench.optim.Optimizers;
import org.sqnbench.optim.SgdBb;

/**
 * The step-size sweep behind the default hyperparameters: for each optimizer and each step size of a grid, trains
 * from the same seed for some epochs and prints the final test accuracy and loss (or "diverged").
 *
 * <pre>java -jar target/benchmarks.jar sweep network=mlp epochs=15 batch=64</pre>
 * Options (key=value): network (mlp), data (embedded), epochs (15), batch (64), seed (1), threads (1),
 * trainSize (0 = all), optimizers (all, comma-separated), rates (comma-separated, or 'default'; without it a
 * grid of 0.1× … 10× each method's default), curvature (skip-norm), curvatureEpsilon (0 = the rule's default),
 * bbSmoothing (k), bbMaxStep (0 = the network's cap). Bad options and data are an
 * {@link IllegalArgumentException} or a {@link org.sqnbench.data.DataException}, which the jar's entry point turns
 * into one line and exit status 2.
 */
public final class Sweep {
    public static final String USAGE = "usage: sweep [network=mlp|cnn] [data=embedded|DIR|synthetic:N] [epochs=15]"
            + " [batch=64] [seed=1] [threads=1] [trainSize=0] [optimizers=sgd,...] [rates=0.01,...|default]"
            + " [curvature=skip-norm|skip|damp] [curvatureEpsilon=0] [bbSmoothing=k|none] [bbMaxStep=0]"
            + "  (final accuracy per step size; default rates 0.1x-10x each method's default)";

    private Sweep() {
    }

    private static int number(Map<String, String> options, String key) {
        try {
            return Integer.parseInt(options.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + options.get(key) + "' is not an integer");
        }
    }

    /** A number ≥ 0 (0 meaning the default; Infinity allowed), or one line naming the option. */
    private static double nonNegative(Map<String, String> options, String key) {
        double v;
        try {
            v = Double.parseDouble(options.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + options.get(key) + "' is not a number");
        }
        if (!(v >= 0)) {
            throw new IllegalArgumentException(key + ": " + v + " must be >= 0 (0 = the default)");
        }
        return v;
    }

    /** Runs the sweep (or prints {@link #USAGE} for -h) and returns the exit status, 0. */
    public static int run(String[] args) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            System.out.println(USAGE);
            return 0;
        }
        Map<String, String> o = new HashMap<>(Map.ofEntries(Map.entry("network", "mlp"),
                Map.entry("data", Datasets.EMBEDDED), Map.entry("epochs", "15"), Map.entry("batch", "64"),
                Map.entry("seed", "1"), Map.entry("threads", "1"), Map.entry("trainSize", "0"),
                Map.entry("optimizers", String.join(",", Optimizers.NAMES)),
                Map.entry("curvature", Optimizers.Settings.DEFAULT.curvature().cliName),
                Map.entry("curvatureEpsilon", "0"),
                Map.entry("bbSmoothing", Optimizers.Settings.DEFAULT.bbSmoothing().cliName()),
                Map.entry("bbMaxStep", "0")));
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2 || !o.containsKey(kv[0]) && !kv[0].equals("rates")) {
                throw new IllegalArgumentException("bad sweep option '" + a + "', expected key=value with key in "
                        + o.keySet() + " or rates");
            }
            o.put(kv[0], kv[1]);
        }
        Backend.init(number(o, "threads"));
        NetworkKind kind = NetworkKind.parse(o.get("network"));
        DataSplit data = Datasets.load(o.get("data"), kind.format()).withTrainSize(number(o, "trainSize"));
        Optimizers.Settings d = Optimizers.Settings.DEFAULT;
        Optimizers.Settings settings = new Optimizers.Settings(0, d.memory(), d.overlap(), d.overlapGradient(),
                d.form(), d.fixedIterations(), MbLbfgs.CurvatureRule.parse(o.get("curvature")),
                nonNegative(o, "curvatureEpsilon"), SgdBb.Smoothing.parse(o.get("bbSmoothing")),
                nonNegative(o, "bbMaxStep"));
        int epochs = number(o, "epochs");
        int batch = number(o, "batch");
        long seed = number(o, "seed");
        System.out.printf("sweep: %s on %s, %d epochs, batch %d, seed %d, %d threads%n", kind.cliName(),
                data.description(), epochs, batch, seed, Backend.threads());
        for (String name : o.get("optimizers").split(",")) {
            double base = Optimizers.defaultLearningRate(name, kind);
            List<Double> rates = new ArrayList<>();
            if ("default".equals(o.get("rates"))) {
                rates.add(base);
            } else if (o.containsKey("rates")) {
                for (String r : o.get("rates").split(",")) {
                    try {
                        rates.add(Double.parseDouble(r));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("rates: '" + r + "' is not a number");
                    }
                }
            } else {
                for (double f : new double[]{0.1, 0.3, 1, 3, 10}) {
                    rates.add(base * f);
                }
            }
            for (double eta : rates) {
                Network net = kind.create(DataType.FLOAT, seed);
                var opt = Optimizers.create(name, kind, net.numParams(), DataType.FLOAT,
                        settings.withLearningRate(eta));
                Trainer t = new Trainer(net, data, opt, batch, seed);
                String result;
                StringBuilder steps = new StringBuilder();
                long start = System.nanoTime();
                try {
                    StringBuilder curve = new StringBuilder();
                    long skipped = 0;
                    long damped = 0;
                    for (int e = 0; e < epochs; e++) {
                        EpochResult r = t.epoch();
                        skipped += r.skippedPairs();
                        damped += r.dampedPairs();
                        if (opt instanceof SgdBb bb) {
                            steps.append(String.format(" %.3g", bb.learningRate()));
                        }
                        if (e % 5 == 4 || e == epochs - 1) {
                            curve.append(String.format(" %.3f", t.evaluate().accuracy()));
                        }
                    }
                    Evaluation ev = t.evaluate();
                    result = String.format("acc %.4f loss %.4f  (accuracy every 5 epochs:%s)%s", ev.accuracy(),
                            ev.loss(), curve, opt instanceof MbLbfgs
                                    ? String.format(" pairs skipped %d damped %d", skipped, damped)
                                    : steps.isEmpty() ? "" : " steps" + steps);
                } catch (DivergedException e) {
                    result = e.getMessage() + (steps.isEmpty() ? "" : " steps" + steps);
                }
                System.out.printf("%-9s eta %-9.4g %s  [%.0f s]%n", name, eta, result, (System.nanoTime() - start) / 1e9);
            }
        }
        return 0;
    }
}
