package org.sqnbench.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Per-epoch auxiliary results. With SingleShotTime each iteration is one epoch and JMH stores one value per
 * iteration of every field in the JSON (secondaryMetrics[name].rawData), beside the epoch's time. The console
 * table shows their sums over iterations, which mean little; the report reads the raw values. JMH zeroes the
 * fields before each iteration.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class EpochMetrics {
    /** Mean minibatch loss over the epoch. */
    public double trainLoss;
    /** Test-set loss after the epoch (evaluated outside the timed epoch). */
    public double testLoss;
    /** Test-set accuracy after the epoch, 0..1. */
    public double testAccuracy;
    /** Per-sample gradient evaluations in the epoch. */
    public double sampleGradients;
    /** MB-LBFGS curvature pairs rejected in the epoch. */
    public double skippedPairs;
    /** MB-LBFGS curvature pairs damped (Powell) before they were stored in the epoch. */
    public double dampedPairs;
    /** MB-LBFGS curvature pairs held, on average over the epoch's steps, when H·g was taken. */
    public double pairsHeld;
    /** 1 when training has diverged (this epoch or before): then the other values are not results. */
    public double diverged;
    /** ND4J threads used. */
    public double threads;
    /**
     * Native bytes JavaCPP tracks after the epoch (Pointer.totalBytes), MB: op contexts and pointer arrays.
     * ND4J's data buffers are not counted there (measured: a 200 MB array left it at 0), hence {@link #residentMB}.
     */
    public double offHeapMB;
    /** The process's resident memory after the epoch (Pointer.physicalBytes), MB: heap, ND4J buffers, all. */
    public double residentMB;
}
