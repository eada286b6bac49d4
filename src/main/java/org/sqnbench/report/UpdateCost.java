package org.sqnbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each optimizer adds to SGD's step, read against the memory traffic its update must do. For each
 * EpochTimeBenchmark setting with an SGD result: the added time per step is (its epoch times / its steps per
 * epoch) − (SGD's, likewise), with Welch's interval; the bound is the bytes its update reads and writes per step
 * ({@link #updateBytes}) at the triad bandwidth measured in the same results with the network's thread count.
 * The study's target is added time ≤ {@value #TARGET} × bound.
 */
final class UpdateCost {
    static final double TARGET = 1.5;

    record Row(EpochSeries series, double stepMs, Statistics.MeanCi addedMs, double bytes, Kernels.Bandwidth bandwidth) {
        double boundMs() {
            return bandwidth.millis(bytes);
        }

        double ratio() {
            return addedMs.mean() / boundMs();
        }

        boolean met() {
            return ratio() <= TARGET;
        }
    }

    private UpdateCost() {
    }

    /**
     * Bytes an optimizer's update reads and writes per step beyond the gradient, in fp32 n-vector passes:
     * Momentum 5 (g, v, θ read; v, θ written), Adam 7 (g, m, v, θ; m, v, θ), SGD-BB 5 (g, θ, ĝ; θ, ĝ; its
     * once-per-epoch step is left out). MB-LBFGS with m pairs, compact form: the product reads the 2m×n pair
     * matrix twice and g, and writes s (4m + 2); adding a pair reads the matrix once and copies s and y in
     * (2m + 4); forming y (3), the curvature test (2), the batch gradient from its three parts (4), θ ← θ + s (3)
     * and the two extra partial gradients written (2): 6m + 18 in all. NaN for an optimizer without a model.
     */
    static double updateBytes(String optimizer, int memory, long n) {
        double passes = switch (optimizer) {
            case "momentum", "sgd-bb" -> 5;
            case "adam" -> 7;
            case EpochSeries.MB_LBFGS -> 6.0 * memory + 18;
            default -> Double.NaN;
        };
        return passes * n * Kernels.FLOAT_BYTES;
    }

    static List<Row> of(EpochData epochs, Kernels kernels) {
        List<Row> rows = new ArrayList<>();
        for (Setting s : epochs.settings(EpochData.EPOCH_TIME)) {
            List<EpochSeries> series = epochs.series(EpochData.EPOCH_TIME, s);
            Optional<EpochSeries> sgd = series.stream()
                    .filter(e -> e.optimizer().equals(EpochSeries.SGD) && !e.allDiverged()).findFirst();
            Long n = Kernels.PARAMETERS.get(s.network());
            if (sgd.isEmpty() || n == null) {
                continue;
            }
            double[] sgdSteps = perStep(sgd.get());
            for (EpochSeries e : series) {
                if (e == sgd.get() || e.allDiverged() || e.threadsUsed().isEmpty()) {
                    continue;
                }
                int memory = e.isMbLbfgs() ? Integer.parseInt(e.key().memory()) : 0;
                double bytes = updateBytes(e.optimizer(), memory, n);
                Optional<Kernels.Bandwidth> bw = kernels.bandwidth(String.valueOf(e.threadsUsed().first()));
                if (Double.isNaN(bytes) || bw.isEmpty()) {
                    continue;
                }
                double[] steps = perStep(e);
                rows.add(new Row(e, Statistics.mean(steps).mean(), Statistics.difference(steps, sgdSteps), bytes,
                        bw.get()));
            }
        }
        return rows;
    }

    private static double[] perStep(EpochSeries e) {
        double k = e.iterationsPerEpoch();
        double[] t = e.times().clone();
        for (int i = 0; i < t.length; i++) {
            t[i] /= k;
        }
        return t;
    }

    static String markdown(List<Row> rows) {
        if (rows.isEmpty()) {
            return "No EpochTimeBenchmark results with SGD and a memory-bandwidth measurement.\n";
        }
        StringBuilder b = new StringBuilder("| setting | optimizer | ms per step | added to SGD's step, ms | ")
                .append("update traffic, MB | bound, ms (GB/s, threads) | added ÷ bound | ≤ ")
                .append(Format.ratio(TARGET)).append("× |\n|---|---|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            Statistics.MeanCi a = r.addedMs();
            b.append("| ").append(r.series().key().setting().shortName()).append(" | ").append(r.series().label())
                    .append(" | ").append(Format.sig(r.stepMs())).append(" | ").append(Format.sig(a.mean()))
                    .append(a.hasCi() ? " (" + Format.sig(a.lower()) + " – " + Format.sig(a.upper()) + ")" : "")
                    .append(" | ").append(Format.sig(r.bytes() / 1e6)).append(" | ").append(Format.sig(r.boundMs()))
                    .append(" (").append(Format.sig(r.bandwidth().gbPerSecond())).append(", ")
                    .append(r.bandwidth().threads()).append(") | ").append(Format.ratio(r.ratio())).append(" | ")
                    .append(r.met() ? "yes" : "no").append(" |\n");
        }
        return b.toString();
    }
}
