package org.sqnbench.study;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The study's five optimizers: command-line name (the {@code optimizer} parameter and the JSON's), display name,
 * default step per network, and the MB-LBFGS defaults. The order is the study's: tables and charts list methods in it.
 * The step sizes come from the sweep described in the README ("Default hyperparameters").
 */
public enum Method {
    SGD(Names.SGD, "SGD", 0.1, 0.05),
    MOMENTUM(Names.MOMENTUM, "Momentum", 0.01, 0.01),
    ADAM(Names.ADAM, "Adam", 1e-3, 1e-3),
    SGD_BB(Names.SGD_BB, "SGD-BB", 0.1, 0.05),
    MB_LBFGS(Names.MB_LBFGS, "MB-LBFGS", 0.5, 0.3);

    /**
     * The command-line names as constants, for annotations ({@code @Param} takes constants only) and switches.
     * Everything else should use the enum.
     */
    public static final class Names {
        public static final String SGD = "sgd";
        public static final String MOMENTUM = "momentum";
        public static final String ADAM = "adam";
        public static final String SGD_BB = "sgd-bb";
        public static final String MB_LBFGS = "mb-lbfgs";

        private Names() {
        }
    }

    /** MB-LBFGS memory m the study runs with. */
    public static final int DEFAULT_MEMORY = 10;
    /** MB-LBFGS overlap fraction r = |O_k| / batch. */
    public static final double DEFAULT_OVERLAP = 0.25;
    /** MB-LBFGS overlap gradients: reuse the batch gradient's parts (the other mode is "recompute"). */
    public static final String DEFAULT_OVERLAP_GRADIENT = "reuse";
    /** MB-LBFGS epoch form: one pass in which every sample enters once as new data. */
    public static final String DEFAULT_EPOCH_FORM = "pass";
    public static final String ITERATIONS_EPOCH_FORM = "iterations";
    /**
     * MB-LBFGS curvature safeguard: the paper's skip rule sᵀy ≤ ε‖s‖², with ε = η/η_SGD (the others, "damp" and
     * "skip", diverged on the CNN and on some MLP seeds; README, "How the defaults were chosen").
     */
    public static final String DEFAULT_CURVATURE = "skip-norm";
    /** SGD-BB's step: Tan et al.'s smoothing with φ(k) = k (the other is "none", the raw BB step). */
    public static final String DEFAULT_BB_SMOOTHING = "k";

    private final String cliName;
    private final String displayName;
    private final double mlpLearningRate;
    private final double cnnLearningRate;

    Method(String cliName, String displayName, double mlpLearningRate, double cnnLearningRate) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.mlpLearningRate = mlpLearningRate;
        this.cnnLearningRate = cnnLearningRate;
    }

    /** e.g. "sgd-bb". */
    public String cliName() {
        return cliName;
    }

    /** e.g. "SGD-BB". */
    public String displayName() {
        return displayName;
    }

    /** Step size η (η_0 for SGD-BB) used unless overridden. */
    public double defaultLearningRate(StudyNetwork network) {
        return network == StudyNetwork.MLP ? mlpLearningRate : cnnLearningRate;
    }

    /** The command-line names in the study's order. */
    public static List<String> cliNames() {
        return Arrays.stream(values()).map(Method::cliName).toList();
    }

    /** Parses a command-line name; an unknown one is an {@link IllegalArgumentException} listing the valid ones. */
    public static Method parse(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown optimizer '" + name
                + "', expected one of " + cliNames()));
    }

    /** The method of a command-line name, if it is one. */
    public static Optional<Method> find(String name) {
        return Arrays.stream(values()).filter(m -> m.cliName.equals(name)).findFirst();
    }
}
