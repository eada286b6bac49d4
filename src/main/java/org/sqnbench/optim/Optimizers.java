package org.sqnbench.optim;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.study.Method;

/**
 * Builds an optimizer from its command-line name, with the default hyperparameters per network (chosen by the
 * sweep described in the README; the names and step sizes are the study's, {@link Method}).
 */
public final class Optimizers {
    public static final List<String> NAMES = Method.cliNames();

    public static final double MOMENTUM_BETA = 0.9;
    public static final double ADAM_BETA1 = 0.9;
    public static final double ADAM_BETA2 = 0.999;
    public static final double ADAM_EPSILON = 1e-8;
    /** SGD-BB's gradient-average weight: 0 = 10/T, the authors' default. */
    public static final double BB_BETA = 0;

    /**
     * Options besides the step size; {@code learningRate} 0 means the network's default.
     *
     * @param memory           MB-LBFGS memory m
     * @param overlap          MB-LBFGS overlap fraction r
     * @param curvature        MB-LBFGS curvature safeguard
     * @param curvatureEpsilon its ε; 0 = the rule's default
     * @param fixedIterations  MB-LBFGS epochs of n/batch iterations instead of one pass over every sample
     * @param bbSmoothing      SGD-BB: the paper's smoothed step or the raw BB step
     * @param bbMaxStep        SGD-BB's cap on its step; 0 = the network's default ({@link #bbMaxStep}), infinite = none
     */
    public record Settings(double learningRate, int memory, double overlap, MbLbfgs.OverlapGradient overlapGradient,
                           InverseHessian.Form form, boolean fixedIterations, MbLbfgs.CurvatureRule curvature,
                           double curvatureEpsilon, SgdBb.Smoothing bbSmoothing, double bbMaxStep) {
        public static final Settings DEFAULT = new Settings(0, Method.DEFAULT_MEMORY, Method.DEFAULT_OVERLAP,
                MbLbfgs.OverlapGradient.parse(Method.DEFAULT_OVERLAP_GRADIENT), InverseHessian.Form.COMPACT, false,
                MbLbfgs.CurvatureRule.parse(Method.DEFAULT_CURVATURE), 0,
                SgdBb.Smoothing.parse(Method.DEFAULT_BB_SMOOTHING), 0);

        public Settings withLearningRate(double eta) {
            return new Settings(eta, memory, overlap, overlapGradient, form, fixedIterations, curvature,
                    curvatureEpsilon, bbSmoothing, bbMaxStep);
        }
    }

    private Optimizers() {
    }

    /** An unknown name is an {@link IllegalArgumentException} listing the valid ones. */
    public static String checkName(String name) {
        return Method.parse(name).cliName();
    }

    /** Step size η (η_0 for SGD-BB) used unless overridden, per method and network. */
    public static double defaultLearningRate(String name, NetworkKind network) {
        return Method.parse(name).defaultLearningRate(network.study());
    }

    /**
     * SGD-BB's cap on its step (ours): on the MLP the largest step at which SGD itself trained in the sweep; on the
     * CNN SGD's own step, since 0.07 and above let a step taken on the early plateau kill the ReLUs (README).
     */
    public static double bbMaxStep(NetworkKind network) {
        return network == NetworkKind.MLP ? 0.3 : 0.05;
    }

    /** ε of MB-LBFGS's curvature rule: the given one, else the rule's default for η/η_SGD. */
    static double curvatureEpsilon(Settings settings, double stepOverSgdStep) {
        return settings.curvatureEpsilon() > 0 ? settings.curvatureEpsilon()
                : settings.curvature().defaultEpsilon(stepOverSgdStep);
    }

    public static Optimizer create(String name, NetworkKind network, long n, DataType dtype, Settings settings) {
        double eta = settings.learningRate() > 0 ? settings.learningRate() : defaultLearningRate(name, network);
        // no default branch: a method added to the study must be built here, or this does not compile
        return switch (Method.parse(name)) {
            case SGD -> new Sgd(n, dtype, eta);
            case MOMENTUM -> new Momentum(n, dtype, eta, MOMENTUM_BETA);
            case ADAM -> new Adam(n, dtype, eta, ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON);
            case SGD_BB -> new SgdBb(n, dtype, eta, BB_BETA, settings.bbSmoothing(),
                    settings.bbMaxStep() > 0 ? settings.bbMaxStep() : bbMaxStep(network));
            case MB_LBFGS -> {
                double sgdEta = defaultLearningRate(Method.SGD.cliName(), network);
                yield new MbLbfgs(n, dtype, eta, settings.memory(), settings.overlap(), settings.curvature(),
                        curvatureEpsilon(settings, eta / sgdEta), sgdEta / eta, settings.overlapGradient(),
                        settings.form(), settings.fixedIterations());
            }
        };
    }
}
