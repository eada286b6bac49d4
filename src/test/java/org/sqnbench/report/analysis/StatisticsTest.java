package org.sqnbench.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Intervals against values worked out by hand from the formulas, with t quantiles from a printed two-sided 95%
 * t table (t(0.975, df): df 2 → 4.303, df 4 → 2.776, df 9 → 2.262). Tolerances cover the table's 3 decimals.
 */
class StatisticsTest {
    @Test
    void tIntervalOfFiveValues() {
        // mean 12, s² = (4+0+4+1+1)/4 = 2.5, s/√5 = 0.70711; half width 2.776 × 0.70711 = 1.9629
        Statistics.MeanCi m = Statistics.mean(new double[] {10, 12, 14, 11, 13});
        assertEquals(5, m.n());
        assertEquals(12, m.mean(), 1e-12);
        assertEquals(0.70711, m.standardError(), 1e-5);
        assertEquals(10.0371, m.lower(), 1e-3);
        assertEquals(13.9629, m.upper(), 1e-3);
    }

    @Test
    void tIntervalOfTenValues() {
        // 1..10: mean 5.5, s = 3.02765, s/√10 = 0.95743; half width 2.262 × 0.95743 = 2.1657
        Statistics.MeanCi m = Statistics.mean(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertEquals(5.5, m.mean(), 1e-12);
        assertEquals(3.3343, m.lower(), 1e-3);
        assertEquals(7.6657, m.upper(), 1e-3);
    }

    @Test
    void oneValueHasNoInterval() {
        Statistics.MeanCi m = Statistics.mean(new double[] {42});
        assertFalse(m.hasCi());
        assertEquals(42, m.mean());
        assertTrue(Double.isNaN(m.lower()));
    }

    @Test
    void ratioOfTwoMeansByTheDeltaMethod() {
        // D = {10, 10.5, 9.5}: mean 10, s² = 0.25, Var(D̄) = 0.25/3; A = 1.2·D, so both relative variance terms are
        // c = (0.25/3)/100 = 8.333e-4, Welch–Satterthwaite df = (2c)² / (2c²/2) = 4.
        // R = 1.2, SE = 1.2·√(2c) = 0.048990, half width 2.776 × 0.048990 = 0.13600.
        Statistics.Ratio r = Statistics.ratio(new double[] {12, 12.6, 11.4}, List.of(new double[] {10, 10.5, 9.5}));
        assertEquals(1.2, r.estimate(), 1e-12);
        assertEquals(4, r.df(), 1e-9);
        assertEquals(1.2 - 0.13600, r.lower(), 1e-3);
        assertEquals(1.2 + 0.13600, r.upper(), 1e-3);
        assertTrue(r.contains(1.2));
    }

    @Test
    void ratioToTheMeanOfSeveralGroups() {
        // A = {12, 12, 12, 12} (no spread); groups {9, 11} and {19, 21}: means 10 and 20, D = 15, R = 0.8.
        // Each group: Var = 2/2 = 1, relative term 1/(2²·15²) = 1/900; df = (2/900)² / (2·(1/900)²/1) = 2.
        // SE = 0.8·√(2/900) = 0.037712; half width 4.303 × 0.037712 = 0.16228.
        Statistics.Ratio r = Statistics.ratio(new double[] {12, 12, 12, 12},
                List.of(new double[] {9, 11}, new double[] {19, 21}));
        assertEquals(0.8, r.estimate(), 1e-12);
        assertEquals(2, r.df(), 1e-9);
        assertEquals(0.8 - 0.16228, r.lower(), 1e-3);
        assertEquals(0.8 + 0.16228, r.upper(), 1e-3);
    }

    @Test
    void tooFewReplicatesForARatioInterval() {
        Statistics.Ratio r = Statistics.ratio(new double[] {5}, List.of(new double[] {3.9, 4.1}));
        assertFalse(r.hasCi());
        assertEquals(1.25, r.estimate(), 1e-12);
        assertTrue(r.problem().startsWith("too few replicates (independent forks)"), r.problem());
        assertFalse(r.contains(1.25));
    }

    @Test
    void identicalValuesGiveAPointInterval() {
        Statistics.Ratio r = Statistics.ratio(new double[] {6, 6}, List.of(new double[] {5, 5}));
        assertTrue(r.hasCi());
        assertEquals(1.2, r.lower(), 1e-12);
        assertEquals(1.2, r.upper(), 1e-12);
        assertTrue(r.contains(1.2));
    }

    @Test
    void welchDifferenceOfTwoMeans() {
        // means 12 and 9, both s² = 2.5 over 5 values: s²/n = 0.5 each, se = 1, Welch df = 1/(0.25/4 + 0.25/4) = 8;
        // half width t(0.975, 8) = 2.306
        Statistics.MeanCi d = Statistics.difference(new double[] {10, 12, 14, 11, 13}, new double[] {7, 9, 11, 8, 10});
        assertEquals(3, d.mean(), 1e-12);
        assertEquals(1, d.standardError(), 1e-12);
        assertEquals(0.694, d.lower(), 1e-3);
        assertEquals(5.306, d.upper(), 1e-3);
    }

    @Test
    void welchDifferenceOfThreeAgainstThree() {
        // means 2 and 3, variances 1 and 1, n = 3 each: se = √(2/3) = 0.8165, Welch df = (2/3)²/(2·(1/3)²/2) = 4;
        // t(0.975, 4) = 2.776
        Statistics.MeanCi d = Statistics.difference(new double[] {1, 2, 3}, new double[] {2, 3, 4});
        assertEquals(-1, d.mean(), 1e-12);
        assertEquals(-1 - 2.776 * 0.8165, d.lower(), 2e-3);
        assertEquals(-1 + 2.776 * 0.8165, d.upper(), 2e-3);
    }

    @Test
    void aDifferenceWithOneValueOnASideHasNoInterval() {
        Statistics.MeanCi d = Statistics.difference(new double[] {1}, new double[] {2, 3, 4});
        assertFalse(d.hasCi());
        assertEquals(-2, d.mean(), 1e-12);
    }
}
