package org.sqnbench.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.report.results.Setting;

/**
 * What each optimizer adds to SGD's step, read against the memory traffic its update must do. For each
 * EpochTimeBenchmark setting with an SGD result: the added time per step is (its replicate times / its steps per
 * epoch) − (SGD's, likewise), with Welch's interval over the replicates ({@link EpochSeries#replicateTimes()});
 * the bound is the bytes its update reads and writes per step ({@link CostModel#updateBytes}) at the triad bandwidth
 * measured in the same results with the network's thread count. The study's target is added time ≤ {@value #TARGET} × bound.
 */
public final class UpdateCost {
    public static final double TARGET = 1.5;

    public record Row(EpochSeries series, double stepMs, Statistics.MeanCi addedMs, double bytes, KernelTimes.Bandwidth bandwidth) {
        public double boundMs() {
            return bandwidth.millis(bytes);
        }

        public double ratio() {
            return addedMs.mean() / boundMs();
        }

        public boolean met() {
            return ratio() <= TARGET;
        }
    }

    private UpdateCost() {
    }

    public static List<Row> of(EpochData epochs, KernelTimes kernels) {
        return of(epochs, KernelSources.single(kernels));
    }

    /** The same, each bound at the bandwidth of the input that holds the setting's epochs when it has one. */
    public static List<Row> of(EpochData epochs, KernelSources sources) {
        List<Row> rows = new ArrayList<>();
        for (Setting s : epochs.settings(EpochData.EPOCH_TIME)) {
            List<EpochSeries> series = epochs.series(EpochData.EPOCH_TIME, s);
            Optional<EpochSeries> sgd = epochs.sgd(EpochData.EPOCH_TIME, s);
            long n = CostModel.parameters(s.network());
            if (sgd.isEmpty() || n == 0) {
                continue;
            }
            double[] sgdSteps = perStep(sgd.get());
            for (EpochSeries e : series) {
                if (e == sgd.get() || e.allDiverged() || e.threadsUsed().isEmpty()) {
                    continue;
                }
                int memory = e.isMbLbfgs() ? Integer.parseInt(e.key().memory()) : 0;
                double bytes = CostModel.updateBytes(e.optimizer(), memory, n);
                String threads = String.valueOf(e.threadsUsed().first());
                Optional<KernelTimes.Bandwidth> bw = sources.first(k -> k.bandwidth(threads), e, sgd.get());
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
        double[] t = e.replicateTimes();
        for (int i = 0; i < t.length; i++) {
            t[i] /= k;
        }
        return t;
    }
}
