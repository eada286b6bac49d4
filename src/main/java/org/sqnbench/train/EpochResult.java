package org.sqnbench.train;

/**
 * What one training epoch did.
 *
 * @param epoch           0-based epoch number
 * @param trainLoss       mean of the minibatch losses of the epoch
 * @param stepNanos       wall time of the steps (gradients and updates; no evaluation)
 * @param iterations      optimizer steps taken
 * @param sampleGradients per-sample gradient evaluations in the epoch
 * @param skippedPairs    curvature pairs MB-LBFGS rejected in the epoch (0 for the others)
 * @param dampedPairs     curvature pairs MB-LBFGS damped before storing them in the epoch (0 for the others)
 * @param pairsHeld       mean curvature pairs MB-LBFGS held at its steps' products (0 for the others)
 */
public record EpochResult(int epoch, double trainLoss, long stepNanos, int iterations, long sampleGradients,
                          long skippedPairs, long dampedPairs, double pairsHeld) {
}
