package org.sqnbench.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * SGD with a Barzilai-Borwein step size (Tan, Ma, Dai and Qian 2016, "Barzilai-Borwein Step Size for Stochastic
 * Gradient Descent", Algorithm SGD-BB). Inside epoch k the step η_k is constant; the smoothed gradient
 * ĝ ← (1−β) ĝ + β g is restarted from 0 each epoch. At the end of an epoch of T iterations, with θ̃ the parameters
 * at epoch ends: s = (θ̃_k − θ̃_{k−1})/T, y = ĝ_k − ĝ_{k−1}, η_{k+1} = ‖s‖²/|sᵀy|. The first BB step needs two
 * finished epochs, so epochs 0 and 1 run at η_0. A zero or non-finite sᵀy keeps the previous step.
 *
 * <p>Safeguard: η is capped at {@link #maxLearningRate}. Measured on the MNIST MLP, the uncapped BB step about
 * doubles every epoch as the gradients shrink (0.05 → 0.47 → 0.98 → 2.3) and training diverges by epoch 5 for
 * every η_0 tried; the cap is the largest step at which plain SGD still trained (README, "Default hyperparameters").
 */
public final class SgdBb extends FirstOrderOptimizer {
    /** η_0, the step of the first two epochs. */
    public final double initialLearningRate;
    /** Smoothing weight β of the gradient average. */
    public final double beta;
    /** Upper bound on the BB step. */
    public final double maxLearningRate;
    private final INDArray smoothed;
    private final INDArray previousSmoothed;
    private final INDArray previousTheta;
    private final INDArray s;
    private final INDArray y;
    private INDArray theta;
    private double learningRate;
    private int iterations;
    private int finishedEpochs;

    public SgdBb(long n, DataType dtype, double initialLearningRate, double beta, double maxLearningRate) {
        super(n, dtype);
        this.initialLearningRate = initialLearningRate;
        this.beta = beta;
        this.maxLearningRate = maxLearningRate;
        this.learningRate = initialLearningRate;
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
    public void update(INDArray theta, INDArray g) {
        this.theta = theta;
        Blas.axpy(-learningRate, g, theta);
        Blas.scal(1 - beta, smoothed);
        Blas.axpy(beta, g, smoothed);
        iterations++;
    }

    @Override
    public void endEpoch() {
        if (iterations == 0) {
            return;
        }
        if (finishedEpochs >= 1) {
            double next = barzilaiBorwein(theta, previousTheta, smoothed, previousSmoothed, iterations, s, y);
            if (Double.isFinite(next) && next > 0) {
                learningRate = Math.min(next, maxLearningRate);
            }
        }
        previousTheta.assign(theta);
        previousSmoothed.assign(smoothed);
        smoothed.assign(0);
        iterations = 0;
        finishedEpochs++;
    }

    /**
     * The BB step ‖s‖²/|sᵀy| with s = (θ − θ_prev)/T and y = ĝ − ĝ_prev, written into the scratch vectors
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
