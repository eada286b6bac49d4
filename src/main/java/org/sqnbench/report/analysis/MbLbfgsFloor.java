package org.sqnbench.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.report.results.Setting;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.StudyNetwork;
import org.sqnbench.study.Traffic;

/**
 * A floor under each MB-LBFGS epoch: per step one batch gradient G(b) and {@link Traffic#floorPasses}(m) passes over
 * n floats at the triad bandwidth, floor = k·(G(b) + (3·2m + 8)·4n bytes / bandwidth), with k = sample-gradients / b
 * ({@link EpochSeries#iterationsPerEpoch()}) and both kernels measured on the setting's own thread count
 * ({@link KernelTimes#threadCount}). Split gradients, the product's other work and handoffs are left out; the one
 * way an epoch can beat it is a pair matrix that stays in the caches (the MLP's), which DRAM bandwidth overprices.
 */
public final class MbLbfgsFloor {
    /**
     * One MB-LBFGS series with its floor, or what the floor lacks.
     *
     * @param measured   the replicate means' mean and 95% interval, as the epoch-time table has them
     * @param gradientMs G(b), NaN when missing
     * @param vectorMs   one step's floor passes at the triad bandwidth, NaN when missing
     * @param missing    the kernels or metrics not in the inputs; empty when the floor is there
     */
    public record Row(EpochSeries series, int threads, Statistics.MeanCi measured, double steps, double gradientMs,
                      double vectorMs, List<String> missing) {
        public double floorMs() {
            return steps * (gradientMs + vectorMs);
        }

        public double ratio() {
            return measured.mean() / floorMs();
        }

        public boolean hasFloor() {
            return missing.isEmpty();
        }
    }

    private MbLbfgsFloor() {
    }

    /** One row per MB-LBFGS EpochTime series that has an epoch time (series that diverged throughout have none). */
    public static List<Row> of(EpochData epochs, KernelTimes kernels) {
        return of(epochs, KernelSources.single(kernels));
    }

    /** The same, each row from the kernels of the input that holds its epochs when it has both, else pooled. */
    public static List<Row> of(EpochData epochs, KernelSources sources) {
        List<Row> rows = new ArrayList<>();
        for (Setting s : epochs.settings(EpochData.EPOCH_TIME)) {
            for (EpochSeries e : epochs.series(EpochData.EPOCH_TIME, s)) {
                if (e.isMbLbfgs() && !e.allDiverged()) {
                    // without a floor anywhere, the pooled kernels' row says what is missing
                    rows.add(sources.first(k -> Optional.of(row(e, k)).filter(Row::hasFloor), e)
                            .orElseGet(() -> row(e, sources.pooled())));
                }
            }
        }
        return List.copyOf(rows);
    }

    private static Row row(EpochSeries e, KernelTimes kernels) {
        Setting s = e.key().setting();
        int threads = KernelTimes.threadCount(s.network(), s.threads());
        String on = " on " + threads + (threads == 1 ? " thread" : " threads");
        List<String> missing = new ArrayList<>();
        Optional<StudyNetwork> network = StudyNetwork.find(s.network());
        if (network.isEmpty()) {
            missing.add("the parameter count of network '" + s.network() + "'");
        }
        double steps = e.iterationsPerEpoch();
        if (!(steps > 0)) {
            missing.add("the sampleGradients metric");
        }
        Optional<KernelTimes.Point> gradient = kernels.onThreads(Benchmarks.GRADIENT_FLOOR,
                Map.of("network", s.network(), "batchSize", String.valueOf(s.batchSize())), threads, s.threads());
        if (gradient.isEmpty()) {
            missing.add("GradientFloor batchSize=" + s.batchSize() + on);
        }
        Optional<KernelTimes.Point> triad = kernels.onThreads(Benchmarks.TRIAD, Map.of(), threads, s.threads());
        if (triad.isEmpty()) {
            missing.add("MemoryBandwidth triad" + on);
        }
        double gradientMs = gradient.map(p -> p.time().mean()).orElse(Double.NaN);
        double vectorMs = Double.NaN;
        if (triad.isPresent() && network.isPresent()) {
            vectorMs = KernelTimes.Bandwidth.of(triad.get()).millis(Traffic.bytes(
                    Traffic.floorPasses(Integer.parseInt(e.key().memory())), network.get().params()));
        }
        return new Row(e, threads, Statistics.mean(e.replicateTimes()), steps, gradientMs, vectorMs,
                List.copyOf(missing));
    }
}
