package org.sqnbench.report.analysis;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The report's intervals, all two-sided at one level, {@link #LEVEL}, and t-based because a series holds few values.
 * Every verdict reads this one level: the time ratios, the "comparable time" equivalence and the non-inferiority of
 * final accuracy.
 *
 * <p>The values passed in must be independent replicates. For per-epoch time a replicate is one forked JVM with its
 * own seed, and its value is the mean of its measured epochs ({@code EpochSeries.replicateTimes()}): the epochs
 * within one fork are repeated measures that share the JVM's JIT state and trend, so pooling them would shrink the
 * intervals (pseudo-replication). For final accuracy a replicate is one seed's run. The kernel table's intervals are
 * over the JMH iterations of a kernel; they describe a kernel's spread, and no verdict rests on them.
 */
public final class Statistics {
    /** Confidence level of every interval in the report. */
    public static final double LEVEL = 0.95;

    private Statistics() {
    }

    /**
     * A sample mean with its t interval, mean ± t(1 − α/2, n − 1)·s/√n.
     *
     * @param n             values; below 2 there is no interval (bounds NaN)
     * @param standardError s/√n
     */
    public record MeanCi(int n, double mean, double standardError, double lower, double upper) {
        public boolean hasCi() {
            return n >= 2;
        }

        public double halfWidth() {
            return (upper - lower) / 2;
        }
    }

    /**
     * A ratio of means with its interval.
     *
     * @param df      Welch–Satterthwaite degrees of freedom (infinite when no group varies)
     * @param problem why there is no interval (e.g. too few replicates), or null when there is one
     */
    public record Ratio(double estimate, double lower, double upper, double df, String problem) {
        public boolean hasCi() {
            return problem == null;
        }

        /** Whether {@code value} lies in the closed interval; false without an interval. */
        public boolean contains(double value) {
            return hasCi() && value >= lower && value <= upper;
        }
    }

    public static MeanCi mean(double[] values) {
        DescriptiveStatistics d = new DescriptiveStatistics(values);
        int n = values.length;
        double mean = d.getMean();
        if (n < 2) {
            return new MeanCi(n, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double se = d.getStandardDeviation() / Math.sqrt(n);
        double half = tQuantile(n - 1) * se;
        return new MeanCi(n, mean, se, mean - half, mean + half);
    }

    /**
     * Ratio of the numerator's mean to the mean of the denominator groups' means, R = Ā / ((1/K)·Σ D̄ₖ), with a
     * delta-method interval: the groups are independent, so
     * Var(R)/R² ≈ Var(Ā)/Ā² + Σ Var(D̄ₖ)/(K·D̄)², with Var(X̄) = s²/n, and the interval is R ± t·√Var(R) with
     * Welch–Satterthwaite degrees of freedom over those relative variance terms. With one denominator group this is
     * the usual ratio of two means. The delta method gives a symmetric interval, which fits error bars; it is close
     * to Fieller's interval when the denominator's relative error is small, as it is for epoch times.
     */
    public static Ratio ratio(double[] numerator, List<double[]> denominators) {
        if (denominators.isEmpty()) {
            throw new IllegalArgumentException("no denominator groups");
        }
        int k = denominators.size();
        DescriptiveStatistics a = new DescriptiveStatistics(numerator);
        double denominator = denominators.stream().mapToDouble(d -> new DescriptiveStatistics(d).getMean()).sum() / k;
        double r = a.getMean() / denominator;
        int fewest = Math.min(numerator.length, denominators.stream().mapToInt(d -> d.length).min().orElse(0));
        if (fewest < 2) {
            return new Ratio(r, Double.NaN, Double.NaN, Double.NaN,
                    "too few replicates (independent forks) for a CI (a series has " + fewest + ")");
        }
        if (!(a.getMean() > 0 && denominator > 0)) {
            return new Ratio(r, Double.NaN, Double.NaN, Double.NaN, "non-positive mean time");
        }
        // relative variance terms and their degrees of freedom
        double[] c = new double[k + 1];
        int[] df = new int[k + 1];
        c[0] = a.getVariance() / numerator.length / (a.getMean() * a.getMean());
        df[0] = numerator.length - 1;
        for (int i = 0; i < k; i++) {
            double[] d = denominators.get(i);
            c[i + 1] = new DescriptiveStatistics(d).getVariance() / d.length / (k * k * denominator * denominator);
            df[i + 1] = d.length - 1;
        }
        double sum = Arrays.stream(c).sum();
        if (sum == 0) {
            return new Ratio(r, r, r, Double.POSITIVE_INFINITY, null);
        }
        double welchDf = welchDf(c, df);
        double half = tQuantile(welchDf) * r * Math.sqrt(sum);
        return new Ratio(r, r - half, r + half, welchDf, null);
    }

    /**
     * Difference of two independent means, Ā − B̄, with Welch's interval at {@link #LEVEL}: ± t(ν)·√(s_A²/n_A +
     * s_B²/n_B), ν by Welch–Satterthwaite. {@code n} of the result is the smaller sample; below 2 there is no
     * interval.
     */
    public static MeanCi difference(double[] a, double[] b) {
        DescriptiveStatistics x = new DescriptiveStatistics(a);
        DescriptiveStatistics y = new DescriptiveStatistics(b);
        double d = x.getMean() - y.getMean();
        int n = Math.min(a.length, b.length);
        if (n < 2) {
            return new MeanCi(n, d, Double.NaN, Double.NaN, Double.NaN);
        }
        double va = x.getVariance() / a.length;
        double vb = y.getVariance() / b.length;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new MeanCi(n, d, 0, d, d);
        }
        double df = welchDf(new double[] {va, vb}, new int[] {a.length - 1, b.length - 1});
        double half = tQuantile(df) * se;
        return new MeanCi(n, d, se, d - half, d + half);
    }

    /** Welch–Satterthwaite degrees of freedom of a sum of variance terms cᵢ with dfᵢ each: (Σcᵢ)² / Σ(cᵢ²/dfᵢ). */
    private static double welchDf(double[] terms, int[] dfs) {
        double sum = 0;
        double sumSquaresOverDf = 0;
        for (int i = 0; i < terms.length; i++) {
            sum += terms[i];
            sumSquaresOverDf += terms[i] * terms[i] / dfs[i];
        }
        return sum * sum / sumSquaresOverDf;
    }

    /** t(1 − (1 − LEVEL)/2, df): 2.776 for df = 4 at 95%. */
    static double tQuantile(double df) {
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }
}
