package org.sqnbench.study;

/**
 * Memory traffic the study's vector kernels must do, in passes over fp32 n-vectors (a pass reads or writes one
 * n-vector once), and the two machine yardsticks. The report sets measured times against these bytes at the measured
 * bandwidth; a model counts the traffic a fused implementation needs at least, so it gives a lower bound on time.
 */
public final class Traffic {
    public static final int FLOAT_BYTES = 4;

    /**
     * SGD-BB's end-of-epoch step: s = (θ − θ_prev)/T and y = ĝ − ĝ_prev each read two vectors and write one (6),
     * then sᵀs and sᵀy read s and y (3): 9 passes. The division by T folds into forming s.
     */
    public static final int BB_STEP_PASSES = 9;

    /** The memory-bandwidth kernel's vectors: 2^25 floats, 128 MiB each, far beyond the caches. */
    public static final int TRIAD_LENGTH = 1 << 25;
    /** y ← y + a·x reads x and y and writes y: 12 bytes an element. */
    public static final double TRIAD_BYTES = 3.0 * FLOAT_BYTES * TRIAD_LENGTH;
    /** The calibration kernel's square matrix size: a 512³ sgemm. */
    public static final int SGEMM_SIZE = 512;
    /** Floating-point operations of the calibration sgemm, 2·512³. */
    public static final double SGEMM_FLOP = 2.0 * SGEMM_SIZE * SGEMM_SIZE * SGEMM_SIZE;

    private Traffic() {
    }

    /**
     * Passes an optimizer's update makes per step beyond the gradient: Momentum 5 (g, v, θ read; v, θ written), Adam
     * 7 (g, m, v, θ; m, v, θ), SGD-BB 5 (g, θ, ĝ; θ, ĝ; its once-per-epoch step is left out). MB-LBFGS with m pairs,
     * compact form: the product reads the 2m×n pair matrix twice and g, and writes s (4m + 2); adding a pair reads
     * the matrix once and copies s and y in (2m + 4); forming y (3), the curvature test (2), the batch gradient from
     * its three parts (4), θ ← θ + s (3) and the two extra partial gradients written (2): 6m + 18 in all. NaN for SGD,
     * whose step is the baseline.
     */
    public static double updatePasses(Method method, int memory) {
        return switch (method) {
            case MOMENTUM, SGD_BB -> 5;
            case ADAM -> 7;
            case MB_LBFGS -> 6.0 * memory + 18;
            case SGD -> Double.NaN;
        };
    }

    /** The n-vector passes of MB-LBFGS's step floor beside the pair matrix ({@link #floorPasses}). */
    public static final int FLOOR_VECTOR_PASSES = 8;

    /**
     * The passes an MB-LBFGS step with m pairs makes at least, for the report's floor per epoch: three over the 2m×n
     * pair matrix (the compact product reads it twice, adding a pair once: 3·2m) and {@value #FLOOR_VECTOR_PASSES}
     * over n-vectors. {@link #updatePasses} counts the same step as implemented.
     */
    public static double floorPasses(int memory) {
        return 3.0 * 2 * memory + FLOOR_VECTOR_PASSES;
    }

    /** The inverse-Hessian product H·g with m pairs: two-loop ≈ 10·m passes, compact ≈ 4·m. */
    public static double productPasses(String form, int memory) {
        return (form.equals("two-loop") ? 10.0 : 4.0) * memory;
    }

    /**
     * Adding a curvature pair: copying s and y in (read and write, 4 passes) and, for the compact form, the 2m×n pair
     * matrix read once to update SᵀY and YᵀY (2·m passes).
     */
    public static double addPairPasses(String form, int memory) {
        return (form.equals("compact") ? 2.0 * memory : 0) + 4.0;
    }

    /** Bytes of {@code passes} passes over n-vectors. */
    public static double bytes(double passes, long n) {
        return passes * n * FLOAT_BYTES;
    }
}
