package org.sqnbench.optim;

import java.nio.ByteBuffer;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sqnbench.data.MinibatchPlan;
import org.sqnbench.nn.NativeVectors;

/**
 * SGD with a Barzilai-Borwein step size (Tan, Ma, Dai and Qian 2016, "Barzilai-Borwein Step Size for Stochastic
 * Gradient Descent", SGD-BB), as the authors' reference code runs it. Epoch k is T iterations at a constant step;
 * the gradient average ĝ ← β g + (1−β) ĝ starts at 0 once and carries across epochs, with β = 10/T by default.
 * With θ̃_k the parameters at the start of epoch k, the BB estimate for epoch k ≥ 2 (counting from 0) is
 * η_k = ‖θ̃_k − θ̃_{k−1}‖² / (T·|(θ̃_k − θ̃_{k−1})ᵀ(ĝ_k − ĝ_{k−1})|), ĝ_k being the average at the start of epoch k;
 * epochs 0 and 1 run at η_0.
 *
 * <p>{@link Smoothing#K} (the paper's and the authors' default, φ(k) = k) uses the step c_k/k with
 * c_k = c_{k−1}^{(k−2)/(k−1)}·(k·η_k)^{1/(k−1)}, c = 1 before epoch 2: a geometric mean of the estimates that
 * decays like 1/k. {@link Smoothing#NONE} uses η_k as it is, which is the rule of the source study's slides.
 *
 * <p>Ours, not the authors': an estimate that is zero or not finite (sᵀy = 0) keeps the previous step, and an
 * optional cap (infinite unless set) bounds the step. A step's θ and ĝ updates are one vector-API pass over FLOAT
 * vectors ({@link FirstOrderVectorLoops#sgdBb}) when the JVM has the module, else three library calls.
 */
public final class SgdBb extends FirstOrderOptimizer {
    /** How the BB estimates become steps. */
    public enum Smoothing {
        /** φ(k) = k: Tan et al.'s smoothed step (their paper and code). */
        K,
        /** The raw BB estimate each epoch (the source slides' rule). */
        NONE;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Smoothing parse(String name) {
            return CliChoice.parse("bbSmoothing", name, values(), Smoothing::cliName);
        }
    }

    /** η_0, the step of the first two epochs. */
    public final double initialLearningRate;
    /** Weight β of the gradient average; 0 means 10/T, T the iterations of the epoch. */
    public final double beta;
    public final Smoothing smoothing;
    /** Upper bound on the step; infinite when there is none. */
    public final double maxLearningRate;
    private final INDArray smoothed;
    private final INDArray previousSmoothed;
    private final INDArray previousTheta;
    private final INDArray s;
    private final INDArray y;
    private INDArray theta;
    private double learningRate;
    private double c = 1;
    private double epochBeta;
    private int iterations;
    private int finishedEpochs;

    public SgdBb(long n, DataType dtype, double initialLearningRate, double beta, Smoothing smoothing,
                 double maxLearningRate) {
        super(n, dtype);
        if (!(beta >= 0 && beta <= 1)) {
            throw new IllegalArgumentException("beta must be in [0, 1] (0 = 10/T), got " + beta);
        }
        this.initialLearningRate = initialLearningRate;
        this.beta = beta;
        this.smoothing = smoothing;
        this.maxLearningRate = maxLearningRate;
        this.learningRate = initialLearningRate;
        this.epochBeta = beta;
        this.smoothed = newState();
        this.previousSmoothed = newState();
        this.previousTheta = newState();
        this.s = newState();
        this.y = newState();
    }

    @Override
    public String name() {
        return "sgd-bb";
    }

    /** The step size in use for the current epoch. */
    public double learningRate() {
        return learningRate;
    }

    @Override
    public MinibatchPlan plan(int trainSize, int batchSize, long seed) {
        MinibatchPlan plan = super.plan(trainSize, batchSize, seed);
        // the authors' default β = 10/T: the average spans about the last tenth of the epoch
        if (beta == 0) {
            epochBeta = Math.min(1, 10.0 / plan.iterations());
        }
        return plan;
    }

    @Override
    public void update(INDArray theta, INDArray g) {
        if (epochBeta == 0) {
            throw new IllegalStateException("beta = 10/T needs plan() before the epoch's first step");
        }
        this.theta = theta;
        iterations++;
        if (NativeVectors.VECTOR_API && theta.dataType() == DataType.FLOAT) {
            ByteBuffer gb = NativeVectors.floatBytes(g);
            ByteBuffer sb = NativeVectors.floatBytes(smoothed);
            ByteBuffer tb = NativeVectors.floatBytes(theta);
            float c = (float) -learningRate;
            float k = (float) (1 - epochBeta);
            float b = (float) epochBeta;
            NativeVectors.forRanges(theta.length(), (from, to) ->
                    FirstOrderVectorLoops.sgdBb(gb, sb, tb, from, to, c, k, b));
            return;
        }
        Blas.axpy(-learningRate, g, theta);
        Blas.scal(1 - epochBeta, smoothed);
        Blas.axpy(epochBeta, g, smoothed);
    }

    @Override
    public void endEpoch() {
        if (iterations == 0) {
            return;
        }
        if (finishedEpochs >= 1) {
            double estimate = barzilaiBorwein(theta, previousTheta, smoothed, previousSmoothed, iterations, s, y);
            if (Double.isFinite(estimate) && estimate > 0) {
                learningRate = Math.min(nextStep(estimate, finishedEpochs + 1), maxLearningRate);
            }
        }
        previousTheta.assign(theta);
        previousSmoothed.assign(smoothed);
        iterations = 0;
        finishedEpochs++;
    }

    /** The step for epoch k ≥ 2 given its BB estimate, updating the smoothing state c. */
    private double nextStep(double estimate, int k) {
        if (smoothing == Smoothing.NONE) {
            return estimate;
        }
        c = smoothedScale(c, estimate, k);
        return c / k;
    }

    /** c_k = c_{k−1}^{(k−2)/(k−1)}·(k·η_k)^{1/(k−1)}, for k ≥ 2 (c = 1 before epoch 2). */
    static double smoothedScale(double previous, double estimate, int k) {
        return Math.pow(previous, (k - 2.0) / (k - 1.0)) * Math.pow(estimate * k, 1.0 / (k - 1.0));
    }

    /**
     * The BB estimate ‖s‖²/|sᵀy| with s = (θ − θ_prev)/T and y = ĝ − ĝ_prev, written into the scratch vectors
     * {@code s} and {@code y}; infinite or NaN when sᵀy = 0. The end-of-epoch kernel; the traffic the report
     * sets it against is {@link org.sqnbench.study.Traffic#BB_STEP_PASSES} n-vector passes.
     */
    public static double barzilaiBorwein(INDArray theta, INDArray previousTheta, INDArray smoothed,
                                         INDArray previousSmoothed, int iterations, INDArray s, INDArray y) {
        s.assign(theta);
        Blas.axpy(-1, previousTheta, s);
        Blas.scal(1.0 / iterations, s);
        y.assign(smoothed);
        Blas.axpy(-1, previousSmoothed, y);
        return Blas.dot(s, s) / Math.abs(Blas.dot(s, y));
    }
}
