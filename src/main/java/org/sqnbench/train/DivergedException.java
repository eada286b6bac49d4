package org.sqnbench.train;

/** Training produced a NaN or infinite loss or parameter; results record the run as diverged. */
public final class DivergedException extends RuntimeException {
    private final int epoch;
    private final int iteration;

    public DivergedException(int epoch, int iteration, String what) {
        super("diverged at epoch " + epoch + ", iteration " + iteration + " (" + what + ")");
        this.epoch = epoch;
        this.iteration = iteration;
    }

    public int epoch() {
        return epoch;
    }

    public int iteration() {
        return iteration;
    }
}
