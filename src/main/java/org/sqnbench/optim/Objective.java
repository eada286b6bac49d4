package org.sqnbench.optim;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A differentiable average over samples, seen as a flat parameter vector: the network on its training set, or a
 * test function. Optimizers only read and write {@link #params()} and ask for gradients on sample ranges.
 */
public interface Objective {
    /** The flat parameter vector, updated in place by optimizers. */
    INDArray params();

    /**
     * Mean loss over samples {@code order[from..to)} at the current parameters; their mean gradient is written
     * into {@code gradOut}, a vector shaped like {@link #params()}.
     */
    double lossAndGradient(int[] order, int from, int to, INDArray gradOut);
}
