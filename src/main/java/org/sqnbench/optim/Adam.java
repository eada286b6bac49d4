package org.sqnbench.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam (Kingma and Ba 2015): m ← β1 m + (1−β1) g; v ← β2 v + (1−β2) g²; m̂ = m/(1−β1^t); v̂ = v/(1−β2^t);
 * θ ← θ − η m̂/(√v̂ + ε). The moments and the step are computed by ND4J's fused native {@code adam_updater}
 * (one pass over the vectors instead of about eight), then subtracted from θ. That op adds its ε to √v rather
 * than to √v̂, so it is given ε·√(1−β2^t), which makes its step exactly the rule above.
 */
public final class Adam extends FirstOrderOptimizer {
    /** Step size η. */
    public final double learningRate;
    public final double beta1;
    public final double beta2;
    public final double epsilon;
    private final INDArray m;
    private final INDArray v;
    private final INDArray step;
    private int t;

    public Adam(long n, DataType dtype, double learningRate, double beta1, double beta2, double epsilon) {
        super(n, dtype);
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = newState();
        this.v = newState();
        this.step = newState();
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public void update(INDArray theta, INDArray g) {
        // the op's iteration argument is 0-based: it applies the bias corrections of t + 1
        double epsilonOnRawV = epsilon * Math.sqrt(1 - Math.pow(beta2, t + 1));
        Nd4j.exec(new AdamUpdater(g, v, m, step, v, m, learningRate, beta1, beta2, epsilonOnRawV, t));
        t++;
        Blas.axpy(-1.0, step, theta);
    }
}
