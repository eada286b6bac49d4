package org.sqnbench.optim;

import org.sqnbench.data.MinibatchPlan;

/**
 * One optimization method over a flat parameter vector. Call order: construct (allocates all state once) →
 * for each epoch: {@link #plan} → {@link #step} for k = 0 … iterations−1 → {@link #endEpoch()}.
 * Steps allocate no arrays.
 */
public abstract class Optimizer {
    private long sampleGradients;

    /** The command-line name (sgd, momentum, adam, sgd-bb, mb-lbfgs). */
    public abstract String name();

    /** This epoch's minibatches: disjoint by default; MB-LBFGS overlaps consecutive ones. */
    public MinibatchPlan plan(int trainSize, int batchSize, long seed) {
        return MinibatchPlan.shuffled(trainSize, batchSize, seed);
    }

    /** Iteration k of the epoch: gradient(s) on batch k of {@code plan}, then the update. Returns the batch loss. */
    public abstract double step(Objective f, MinibatchPlan plan, int k);

    /** Called after the last step of each epoch. */
    public void endEpoch() {
    }

    /** Sample-gradients computed so far: each sample in each gradient evaluation counts once. */
    public final long sampleGradients() {
        return sampleGradients;
    }

    protected final void countSampleGradients(int samples) {
        sampleGradients += samples;
    }

    /** Curvature pairs rejected so far (MB-LBFGS); zero for the others. */
    public long skippedPairs() {
        return 0;
    }

    /** Curvature pairs damped before they were stored (MB-LBFGS with Powell damping); zero for the others. */
    public long dampedPairs() {
        return 0;
    }

    /**
     * The sum over steps so far of the curvature pairs held when the step's product H·g was taken (MB-LBFGS); zero
     * for the others. Per epoch it gives the mean memory in use, which sets the product's cost.
     */
    public long pairsHeldSum() {
        return 0;
    }
}
