package org.sqnbench.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.StudyNetwork;

/**
 * The gradient against the machine's compute speed: each GradientFloor result's FLOPs (batch × the network's
 * {@link StudyNetwork#flopsPerSample()}) over its time, beside the calibration sgemm's rate at the same thread count
 * ({@link KernelTimes#threadCount}: threads=0 is the network's default). Without an sgemm at that count the row has
 * none: a rate at another count would be another machine's share. With several inputs, each input's gradients are
 * set against its own sgemm (the pooled one only where the input has none): runs on different days are different
 * machines.
 */
public final class Roofline {
    /**
     * One gradient result and the sgemm it is set against, if measured on as many threads.
     *
     * @param run the input it comes from, empty when the report reads one input
     */
    public record Row(String run, KernelTimes.Point gradient, int threads, Optional<KernelTimes.Point> sgemm) {
        public String network() {
            return gradient.param("network");
        }

        public int batchSize() {
            return gradient.intParam("batchSize");
        }

        public double gradientMs() {
            return gradient.time().mean();
        }

        /** FLOPs of one call; NaN for a network outside the study. */
        public double flop() {
            return StudyNetwork.find(network()).map(n -> (double) batchSize() * n.flopsPerSample()).orElse(Double.NaN);
        }

        public double gflops() {
            return flop() / (gradientMs() / 1e3) / 1e9;
        }

        /** The sgemm's GFLOP/s, NaN without one. */
        public double sgemmGflops() {
            return sgemm.map(CostModel::gflops).orElse(Double.NaN);
        }

        /** The gradient's rate as a fraction of the sgemm's. */
        public double fraction() {
            return gflops() / sgemmGflops();
        }
    }

    private Roofline() {
    }

    /** One row per GradientFloor result, by network, threads parameter and batch. */
    public static List<Row> of(KernelTimes kernels) {
        return rows("", kernels, kernels);
    }

    /** One input's rows after another (each sorted as above), or the pooled rows when there is one input. */
    public static List<Row> of(KernelSources sources) {
        if (sources.inputs().isEmpty()) {
            return of(sources.pooled());
        }
        List<Row> rows = new ArrayList<>();
        sources.inputs().forEach(i -> rows.addAll(rows(i.name(), i.kernels(), sources.pooled())));
        return List.copyOf(rows);
    }

    private static List<Row> rows(String run, KernelTimes kernels, KernelTimes fallback) {
        return kernels.of(Benchmarks.GRADIENT_FLOOR).stream()
                .map(p -> {
                    int threads = KernelTimes.threadCount(p);
                    Optional<KernelTimes.Point> sgemm = kernels.onThreads(Benchmarks.SGEMM, Map.of(), threads,
                            p.param("threads"));
                    return new Row(run, p, threads, sgemm.or(() -> fallback.onThreads(Benchmarks.SGEMM, Map.of(),
                            threads, p.param("threads"))));
                })
                .sorted(Comparator.comparingInt((Row r) -> networkRank(r.network()))
                        .thenComparing(r -> r.gradient().param("threads")).thenComparingInt(Row::batchSize))
                .toList();
    }

    private static int networkRank(String network) {
        return StudyNetwork.find(network).map(Enum::ordinal).orElse(StudyNetwork.values().length);
    }
}
