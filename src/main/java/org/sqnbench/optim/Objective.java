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

    /**
     * The mean losses and mean gradients of consecutive parts of samples: part i is {@code order[ends[i−1]..ends[i])}
     * with ends[−1] = {@code from}, its gradient goes into {@code gradOuts[i]} and its loss into {@code losses[i]}.
     * By default part by part; a network does all parts in one pass over the batch.
     */
    default void lossAndPartGradients(int[] order, int from, int[] ends, INDArray[] gradOuts, double[] losses) {
        int start = from;
        for (int i = 0; i < ends.length; i++) {
            losses[i] = lossAndGradient(order, start, ends[i], gradOuts[i]);
            start = ends[i];
        }
    }
}
