package org.sqnbench.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Plain stochastic gradient descent (Robbins and Monro 1951): θ ← θ − η g. */
public final class Sgd extends FirstOrderOptimizer {
    /** Step size η. */
    public final double learningRate;

    public Sgd(long n, DataType dtype, double learningRate) {
        super(n, dtype);
        this.learningRate = learningRate;
    }

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    public void update(INDArray theta, INDArray g) {
        Blas.axpy(-learningRate, g, theta);
    }
}
