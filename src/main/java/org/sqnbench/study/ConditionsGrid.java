package org.sqnbench.study;

/**
 * The conditions map's grid (README, "Under which conditions does +20% hold"): the batch sizes, MB-LBFGS overlaps
 * and memories it times, which the cost model's prediction of the source's setting also runs over.
 */
public final class ConditionsGrid {
    public static final int[] BATCHES = {64, 256, 1024};
    public static final double[] OVERLAPS = {0.1, 0.25};
    public static final int[] MEMORIES = {5, 10};

    private ConditionsGrid() {
    }
}
