package org.sqnbench.data;

import java.util.SplittableRandom;

/**
 * One epoch's minibatches as windows over a seeded permutation of the training set. Batch k holds
 * {@code order[start(k) .. start(k) + batchSize)}, with {@code start(k) = k·(batchSize − overlap)}, so consecutive
 * batches share exactly {@code overlap} samples: S_k = O_{k−1} ∪ N_k ∪ O_k as in Multi-Batch L-BFGS, where O_{k−1}
 * is the first {@code overlap} samples of the window and O_k the last. With overlap 0 these are plain disjoint
 * minibatches. Samples that do not fill a whole last batch are left out of that epoch.
 */
public final class MinibatchPlan {
    private final int[] order;
    private final int batchSize;
    private final int overlap;
    private final int iterations;

    private MinibatchPlan(int[] order, int batchSize, int overlap, int iterations) {
        this.order = order;
        this.batchSize = batchSize;
        this.overlap = overlap;
        this.iterations = iterations;
    }

    /** Disjoint shuffled minibatches: n / batchSize of them. */
    public static MinibatchPlan shuffled(int n, int batchSize, long seed) {
        return overlapping(n, batchSize, 0, false, seed);
    }

    /**
     * Overlapping minibatches. With {@code fixedIterations} false, every sample enters once as new data, which takes
     * (n − overlap) / (batchSize − overlap) ≈ n / ((1 − r)·batchSize) iterations; with true, the epoch has n / batchSize
     * iterations, which with overlap r reach only about (1 − r)·n of the samples (the rest wait for a later epoch's
     * shuffle).
     */
    public static MinibatchPlan overlapping(int n, int batchSize, int overlap, boolean fixedIterations, long seed) {
        if (batchSize < 1 || batchSize > n) {
            throw new IllegalArgumentException("batch size " + batchSize + " must be in 1.." + n + " (the training set size)");
        }
        if (overlap < 0 || 2 * overlap >= batchSize) {
            throw new IllegalArgumentException("overlap " + overlap + " must be in 0.." + ((batchSize - 1) / 2)
                    + " so that each batch has new samples between its two overlaps");
        }
        int stride = batchSize - overlap;
        int iterations = fixedIterations ? n / batchSize : (n - overlap) / stride;
        int[] perm = permutation(n, seed);
        int length = (iterations - 1) * stride + batchSize;
        return new MinibatchPlan(java.util.Arrays.copyOf(perm, length), batchSize, overlap, iterations);
    }

    static int[] permutation(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Sample indices; batch k is {@code [start(k), start(k) + batchSize())}. Shared, not to be modified. */
    public int[] order() {
        return order;
    }

    public int start(int k) {
        return k * (batchSize - overlap);
    }

    public int iterations() {
        return iterations;
    }

    public int batchSize() {
        return batchSize;
    }

    public int overlap() {
        return overlap;
    }
}
