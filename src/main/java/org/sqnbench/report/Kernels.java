package org.sqnbench.report;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hot-kernel and calibration results (everything measured in average-time mode), with the traffic and work
 * models the report sets them against. Times are means over all iterations with t intervals.
 */
public final class Kernels {
    public static final String PRODUCT = "InverseHessianBenchmark.product";
    public static final String ADD_PAIR = "InverseHessianBenchmark.addPair";
    public static final String OVERLAP_GRADIENT = "OverlapGradientBenchmark.overlapGradient";
    public static final String GRADIENT_FLOOR = "GradientFloorBenchmark.gradient";
    public static final String BB_STEP = "BbStepBenchmark.bbStep";
    public static final String SGEMM = "CalibrationBenchmark.sgemm";
    public static final String TRIAD = "MemoryBandwidthBenchmark.triad";

    /** MemoryBandwidthBenchmark: y ← y + a·x over 2^25 floats reads x and y and writes y, 12 bytes an element. */
    public static final double TRIAD_BYTES = 12.0 * (1 << 25);
    /** CalibrationBenchmark: a 512³ matrix product, 2·512³ floating-point operations. */
    public static final double SGEMM_FLOP = 2.0 * 512 * 512 * 512;
    public static final int FLOAT_BYTES = 4;
    /**
     * Parameters n of each network (DESIGN.md; org.sqnbench.nn.NetworkKind, which the report does not import
     * because it would pull ND4J in; a test keeps the two equal).
     */
    public static final Map<String, Long> PARAMETERS = Map.of("mlp", 109_386L, "cnn", 4_109_882L);
    /** The form MB-LBFGS trains with (TrainingRun fixes it; the epoch benchmarks' parameters do not record it). */
    public static final String TRAINING_FORM = "compact";

    /** One kernel result: its parameters and time. */
    public record Point(JmhResult result, Statistics.MeanCi time) {
        public String param(String name) {
            return Setting.orEmpty(result.param(name));
        }

        public int intParam(String name) {
            return Setting.integer(result, name);
        }
    }

    /** A measured memory bandwidth. */
    public record Bandwidth(double bytesPerSecond, String threads) {
        public double gbPerSecond() {
            return bytesPerSecond / 1e9;
        }

        /** Time to move {@code bytes} at this bandwidth, in ms. */
        public double millis(double bytes) {
            return bytes / bytesPerSecond * 1e3;
        }
    }

    private final List<Point> points;

    private Kernels(List<Point> points) {
        this.points = points;
    }

    public static Kernels of(List<JmhResult> results) {
        return new Kernels(results.stream().filter(r -> r.mode().equals("avgt"))
                .map(r -> new Point(r, Statistics.mean(r.primary().all()))).toList());
    }

    /** Results of one benchmark method, e.g. {@link #PRODUCT}. */
    public List<Point> of(String shortName) {
        return points.stream().filter(p -> p.result().shortName().equals(shortName)).toList();
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /**
     * The memory bandwidth measured with {@code threads} threads, or else the highest one measured: with the
     * highest, bytes / bandwidth is a lower bound on a memory-bound kernel's time whatever its threads.
     */
    public Optional<Bandwidth> bandwidth(String threads) {
        List<Point> triads = of(TRIAD);
        Optional<Point> match = triads.stream().filter(p -> p.param("threads").equals(threads)).findFirst();
        Optional<Point> best = triads.stream().min(Comparator.comparingDouble(p -> p.time().mean()));
        return match.or(() -> best).map(p -> new Bandwidth(TRIAD_BYTES / (p.time().mean() / 1e3), p.param("threads")));
    }

    /** The kernel of {@code shortName} with these parameter values (others free), preferring {@code threads}. */
    public Optional<Point> find(String shortName, Map<String, String> params, String threads) {
        List<Point> found = of(shortName).stream()
                .filter(p -> params.entrySet().stream().allMatch(e -> Objects.equals(p.param(e.getKey()), e.getValue())))
                .toList();
        return found.stream().filter(p -> p.param("threads").equals(threads)).findFirst()
                .or(() -> found.stream().findFirst());
    }

    /** Bytes the inverse-Hessian product moves: two-loop ≈ 10·m·n floats, compact ≈ 4·m·n. */
    public static double productBytes(String form, int memory, long n) {
        return (form.equals("two-loop") ? 10.0 : 4.0) * memory * n * FLOAT_BYTES;
    }

    /**
     * Bytes adding a pair moves: copying s and y in (read and write, 4n floats) and, for the compact form, the
     * 2m×n pair matrix read once to update SᵀY and YᵀY (2·m·n floats).
     */
    public static double addPairBytes(String form, int memory, long n) {
        return ((form.equals("compact") ? 2.0 * memory * n : 0) + 4.0 * n) * FLOAT_BYTES;
    }

    /** Bytes of SGD-BB's end-of-epoch step, about 9 passes over n-vectors (BbStepBenchmark). */
    public static double bbStepBytes(long n) {
        return 9.0 * n * FLOAT_BYTES;
    }

    /** Compute speed from the calibration kernel, GFLOP/s. */
    public static double gflops(Point sgemm) {
        return SGEMM_FLOP / (sgemm.time().mean() / 1e3) / 1e9;
    }

    /** Bandwidth from a triad result, GB/s. */
    public static double gbPerSecond(Point triad) {
        return TRIAD_BYTES / (triad.time().mean() / 1e3) / 1e9;
    }
}
