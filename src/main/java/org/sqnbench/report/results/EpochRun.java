package org.sqnbench.report.results;

import java.util.Arrays;

/**
 * One JMH fork of an epoch benchmark: value i of every array belongs to measured epoch i of the fork.
 * Epochs with {@code diverged[i]} are not results: their time and losses must not be used as numbers.
 *
 * @param seed       the fork's seed parameter
 * @param residentMb the process's resident memory after each epoch, MB (NaN in results from before it was recorded)
 * @param pairsHeld  MB-LBFGS's mean curvature pairs in memory at its products, per epoch (NaN where not recorded)
 */
public record EpochRun(long seed, double[] timeMs, double[] trainLoss, double[] testLoss, double[] testAccuracy,
                       double[] sampleGradients, double[] skippedPairs, double[] threads, boolean[] diverged,
                       double[] residentMb, double[] pairsHeld) {
    /** The fork's epochs from one JMH result. */
    static EpochRun of(JmhResult r, int fork) {
        double[] time = r.primary().rawData().get(fork);
        int n = time.length;
        double[] divergedFlag = aux(r, "diverged", fork, n, 0);
        boolean[] diverged = new boolean[n];
        for (int i = 0; i < n; i++) {
            // a later epoch of a diverged run is diverged too, whatever the counter says
            diverged[i] = divergedFlag[i] != 0 || (i > 0 && diverged[i - 1]);
        }
        long seed = Setting.longValue(r, "seed");
        return new EpochRun(seed, time, aux(r, "trainLoss", fork, n, Double.NaN), aux(r, "testLoss", fork, n, Double.NaN),
                aux(r, "testAccuracy", fork, n, Double.NaN), aux(r, "sampleGradients", fork, n, Double.NaN),
                aux(r, "skippedPairs", fork, n, Double.NaN), aux(r, "threads", fork, n, Double.NaN), diverged,
                aux(r, "residentMB", fork, n, Double.NaN), aux(r, "pairsHeld", fork, n, Double.NaN));
    }

    private static double[] aux(JmhResult r, String name, int fork, int n, double missing) {
        Metric m = r.secondary(name);
        if (m == null) {
            double[] v = new double[n];
            Arrays.fill(v, missing);
            return v;
        }
        if (m.forks() <= fork || m.rawData().get(fork).length != n) {
            throw new BadInputException(r.files().get(0) + ": " + r.shortName() + " {" + r.paramText() + "}: metric "
                    + name + " does not have one value per epoch");
        }
        return m.rawData().get(fork);
    }

    public int epochs() {
        return timeMs.length;
    }

    /** Resident memory after the last epoch minus after the first, MB; NaN without the metric. */
    public double residentGrowthMb() {
        return residentMb.length == 0 ? Double.NaN : residentMb[residentMb.length - 1] - residentMb[0];
    }

    /** Training time up to the end of each epoch, s (epochs only; the test evaluation is not timed). */
    public double[] elapsedSeconds() {
        return cumulative(timeMs, 1e3);
    }

    /** Sample-gradients computed up to the end of each epoch. */
    public double[] cumulativeSampleGradients() {
        return cumulative(sampleGradients, 1);
    }

    private static double[] cumulative(double[] v, double divisor) {
        double[] c = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            sum += v[i] / divisor;
            c[i] = sum;
        }
        return c;
    }

    /** 0-based index of the first diverged epoch, or -1. */
    public int firstDiverged() {
        for (int i = 0; i < diverged.length; i++) {
            if (diverged[i]) {
                return i;
            }
        }
        return -1;
    }

    /** The values of {@code metric} at the epochs that are results. */
    public double[] valid(double[] metric) {
        int end = firstDiverged() < 0 ? metric.length : firstDiverged();
        return Arrays.copyOf(metric, end);
    }
}
