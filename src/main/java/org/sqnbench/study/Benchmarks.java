package org.sqnbench.study;

import java.time.format.DateTimeFormatter;

/**
 * The benchmark classes and methods as the JMH JSON names them, for the report and the check (which do not load the
 * benchmark classes). A test in the bench package keeps these equal to the classes' names.
 */
public final class Benchmarks {
    /** Benchmarks of this suite start with this. */
    public static final String SUITE_PREFIX = "org.sqnbench.";

    public static final String EPOCH_TIME = "EpochTimeBenchmark";
    public static final String CONVERGENCE = "ConvergenceBenchmark";

    public static final String PRODUCT = "InverseHessianBenchmark.product";
    public static final String ADD_PAIR = "InverseHessianBenchmark.addPair";
    /** The same two calls with the pair matrix in no cache, as training meets them; the cost model prices these. */
    public static final String COLD_PRODUCT = "ColdPairsBenchmark.product";
    public static final String COLD_ADD_PAIR = "ColdPairsBenchmark.addPair";
    public static final String MB_STEP = "MbLbfgsStepBenchmark.step";
    public static final String OVERLAP_GRADIENT = "OverlapGradientBenchmark.overlapGradient";
    public static final String GRADIENT_FLOOR = "GradientFloorBenchmark.gradient";
    public static final String PART_GRADIENTS = "PartGradientsBenchmark.partGradients";
    /** A first-order method's update apart from the gradient ({@code method} parameter); SGD's is one axpy. */
    public static final String UPDATE = "UpdateBenchmark.update";
    /** The handoff between vector calls and a gradient: the gradient alone, the axpy alone, the two in turn. */
    public static final String HANDOFF_GRADIENT = "HandoffBenchmark.gradient";
    public static final String HANDOFF_AXPY = "HandoffBenchmark.axpy";
    public static final String HANDOFF_BOTH = "HandoffBenchmark.axpyThenGradient";
    public static final String BB_STEP = "BbStepBenchmark.bbStep";
    public static final String SGEMM = "CalibrationBenchmark.sgemm";
    public static final String TRIAD = "MemoryBandwidthBenchmark.triad";

    /**
     * The young generation of the EpochTime forks, MB: garbage can make the resident memory grow by at most this
     * much, so the report calls growth up to it flat.
     */
    public static final int YOUNG_GENERATION_MB = 16;

    /** The inverse-Hessian form MB-LBFGS trains with (the epoch benchmarks fix it; their parameters do not record it). */
    public static final String TRAINING_FORM = "compact";

    /** A run's name in jmh-results (a result file's or a study folder's): the time it started. */
    public static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss");

    /** The record of a standard study's parts in its folder, which resume and the report both read. */
    public static final String STUDY_MANIFEST = "study.json";

    private Benchmarks() {
    }
}
