package org.sqnbench.report.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;
import org.sqnbench.report.analysis.Conclusions;
import org.sqnbench.report.analysis.KernelTimes;
import org.sqnbench.report.analysis.Statistics;
import org.sqnbench.report.analysis.Verdict;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;

/**
 * The four conclusions from small result files, through to the words the report prints. Intervals are worked out by
 * hand with t quantiles from a printed table (t(0.975, df): df 2 → 4.303, df 3 → 3.182, df 4 → 2.776).
 */
class ConclusionsTest {
    /** Replicate mean 100. */
    private static final double[] FORK1 = {100, 104, 96, 102, 98};
    /** Replicate mean 102. */
    private static final double[] FORK2 = {103, 101, 105, 99, 102};
    @TempDir
    Path dir;

    private Conclusions analysis(JmhJson json) {
        List<JmhResult> results = JmhResults.readAll(List.of(json.write(dir, "results.json"))).results();
        EpochData data = EpochData.of(results);
        return Conclusions.of(data, Verdict.of(data, KernelTimes.of(results)));
    }

    private ConclusionsText conclusions(JmhJson json) {
        return ConclusionsText.of(analysis(json));
    }

    private static String verdict(ConclusionsText c, int n) {
        return c.find(n).orElseThrow().verdict();
    }

    /** Three seeds per optimizer whose final accuracies are base + the given offsets. */
    private static JmhJson finalAccuracies(String network, double mbLbfgs, double sgdBb, double adam, double momentum,
                                           int seeds) {
        JmhJson json = new JmhJson();
        double[] offsets = {0.000, 0.002, -0.002};
        String[] names = {"mb-lbfgs", "sgd-bb", "adam", "momentum"};
        double[] base = {mbLbfgs, sgdBb, adam, momentum};
        for (int o = 0; o < names.length; o++) {
            for (int s = 0; s < seeds; s++) {
                json.convergence(network, names[o], s + 1, new double[] {1.0, 0.5},
                        new double[] {0.5, base[o] + offsets[s]});
            }
        }
        return json;
    }

    /*
     * Three seeds at base + {0, +0.002, −0.002}: s² = 8e-6/2 = 4e-6, Var(mean) = 4e-6/3. A difference of two such
     * methods: se = √(8e-6/3) = 0.0016330, Welch df = (2v)²/(2v²/2) = 4, half width 2.776 × 0.0016330 = 0.0045332.
     */
    private static final double HALF = 0.0045332;

    /** MB-LBFGS's final accuracies at mbLbfgs + offsets against Adam's at adam + the same offsets, three seeds. */
    private Conclusions.QualityPair mbLbfgsVersusAdam(double mbLbfgs, double adam) {
        JmhJson json = new JmhJson();
        double[] offsets = {0.000, 0.002, -0.002};
        for (int s = 0; s < 3; s++) {
            json.convergence("mlp", "mb-lbfgs", s + 1, new double[] {1.0, 0.5},
                    new double[] {0.5, mbLbfgs + offsets[s]});
            json.convergence("mlp", "adam", s + 1, new double[] {1.0, 0.5}, new double[] {0.5, adam + offsets[s]});
        }
        Conclusions.QualityPair p = analysis(json).quality().get(0).pairs().get(0);
        assertEquals(mbLbfgs - adam, p.difference().estimate(), 1e-12);
        assertEquals(mbLbfgs - adam - HALF, p.difference().ci().lower(), 1e-5);
        assertEquals(mbLbfgs - adam + HALF, p.difference().ci().upper(), 1e-5);
        return p;
    }

    @Test
    void nonInferiorWhenTheLowerBoundIsAboveMinusOnePoint() {
        // −0.004 ± 0.00453: [−0.00853, +0.00053], lower bound above −0.01; not above 0
        Conclusions.QualityPair p = mbLbfgsVersusAdam(0.946, 0.950);
        assertEquals(Conclusions.Outcome.NON_INFERIOR, p.outcome());
        assertFalse(p.difference().significantlyBetter());
    }

    @Test
    void inferiorWhenTheUpperBoundIsBelowMinusOnePoint() {
        // −0.020 ± 0.00453: [−0.02453, −0.01547]
        assertEquals(Conclusions.Outcome.INFERIOR, mbLbfgsVersusAdam(0.930, 0.950).outcome());
    }

    @Test
    void undecidedWhenTheIntervalStraddlesMinusOnePoint() {
        // −0.008 ± 0.00453: [−0.01253, −0.00347]
        assertEquals(Conclusions.Outcome.UNDECIDED, mbLbfgsVersusAdam(0.942, 0.950).outcome());
    }

    @Test
    void significantlyBetterIsSaidBesideNonInferior() {
        // +0.006 ± 0.00453: [+0.00147, +0.01053], above 0
        Conclusions.QualityPair p = mbLbfgsVersusAdam(0.956, 0.950);
        assertEquals(Conclusions.Outcome.NON_INFERIOR, p.outcome());
        assertTrue(p.difference().significantlyBetter());
        JmhJson json = new JmhJson();
        double[] offsets = {0.000, 0.002, -0.002};
        for (int s = 0; s < 3; s++) {
            json.convergence("mlp", "mb-lbfgs", s + 1, new double[] {1.0, 0.5},
                    new double[] {0.5, 0.956 + offsets[s]});
            json.convergence("mlp", "adam", s + 1, new double[] {1.0, 0.5}, new double[] {0.5, 0.950 + offsets[s]});
        }
        String text = conclusions(json).text();
        assertTrue(text.contains("→ non-inferior (δ = 0.01); also significantly better"), text);
    }

    /**
     * MB-LBFGS: seeds at 0.950, 0.952, 0.948 and a fourth that diverged; Adam: 0.950, 0.952, 0.948, 0.950. Dropping
     * the diverged seed would give 0 ± t(3.86)·√(4e-6/3 + (8e-6/3)/4) = 0 ± t·0.0014142, at most 3.182 × 0.0014142 =
     * 0.0045: non-inferior. Counting it at chance, 0.1:
     * MB-LBFGS's mean 2.95/4 = 0.7375, s² = (0.2125² + 0.2145² + 0.2105² + 0.6375²)/3 = 0.180628, Var(mean) =
     * 0.045157; Adam's Var(mean) = (8e-6/3)/4 = 6.667e-7; se = 0.212503, Welch df = 3.0001 (t = 3.182);
     * −0.2125 ± 0.67619 = [−0.88869, +0.46369]: undecided.
     */
    @Test
    void aDivergedSeedCountsAtChanceAccuracyAndChangesTheOutcome() {
        JmhJson json = new JmhJson();
        double[] mb = {0.950, 0.952, 0.948};
        double[] adam = {0.950, 0.952, 0.948, 0.950};
        for (int s = 0; s < 3; s++) {
            json.convergence("mlp", "mb-lbfgs", s + 1, new double[] {1.0, 0.5}, new double[] {0.5, mb[s]});
        }
        // the diverged seed's last accuracy would look good; it is not a result
        json.convergence("mlp", "mb-lbfgs", 4, new double[] {1.0, 99}, new double[] {0.5, 0.95})
                .secondaryOfLast("diverged", new double[] {0, 1});
        for (int s = 0; s < 4; s++) {
            json.convergence("mlp", "adam", s + 1, new double[] {1.0, 0.5}, new double[] {0.5, adam[s]});
        }
        Conclusions c = analysis(json);
        Conclusions.QualityPair p = c.quality().get(0).pairs().get(0);
        assertEquals(4, p.difference().n1());
        assertEquals(-0.2125, p.difference().estimate(), 1e-12);
        assertEquals(-0.2125 - 0.67619, p.difference().ci().lower(), 1e-3);
        assertEquals(-0.2125 + 0.67619, p.difference().ci().upper(), 1e-3);
        assertEquals(Conclusions.Outcome.UNDECIDED, p.outcome());
        // without the diverged seed the same data are non-inferior
        assertTrue(Statistics.difference(mb, adam).lower() > -Conclusions.ACCURACY_MARGIN);
        Conclusions.Finals f = c.quality().get(0).finals().stream().filter(x -> x.series().isMbLbfgs()).findFirst()
                .orElseThrow();
        assertEquals(1, f.divergedSeeds());
        assertEquals(0.7375, f.accuracy().mean(), 1e-12);
        String text = ConclusionsText.of(c).text();
        assertTrue(text.contains("1 of 4 seed(s) diverged (accuracy counted at chance"), text);
        assertTrue(text.contains("its accuracy enters as chance, 0.10"), text);
    }

    @Test
    void qualityHoldsWhenAllFinalAccuraciesAgreeWithinAPoint() {
        // differences +0.001, 0, +0.002, +0.001, each ± 0.00453: every lower bound above −0.01
        ConclusionsText c = conclusions(finalAccuracies("mlp", 0.950, 0.951, 0.949, 0.950, 3));
        assertEquals("holds: every comparison is non-inferior within δ", verdict(c, 1));
        assertTrue(c.markdown().contains("MB-LBFGS m=10 − Adam accuracy: +0.0010"), c.markdown());
    }

    @Test
    void qualityDoesNotHoldWhenMbLbfgsIsFivePointsWorse() {
        // MB-LBFGS − Adam or Momentum: −0.05 ± 0.00453, upper bound below −0.01 (SGD-BB's pairs are 0 ± 0.00453)
        ConclusionsText c = conclusions(finalAccuracies("mlp", 0.900, 0.950, 0.950, 0.950, 3));
        assertTrue(verdict(c, 1).startsWith("does not hold: 2 of 4"), verdict(c, 1));
    }

    @Test
    void qualityCannotBeDecidedWithOneSeed() {
        ConclusionsText c = conclusions(finalAccuracies("mlp", 0.950, 0.950, 0.950, 0.950, 1));
        assertEquals("cannot be decided: too few seeds", verdict(c, 1));
    }

    @Test
    void syntheticDataIsNamedAsTheWeakerCheck() {
        ConclusionsText c = conclusions(finalAccuracies("cnn", 0.60, 0.60, 0.60, 0.60, 3));
        assertTrue(c.text().contains("synthetic data: a weaker check than real CIFAR-10"), c.text());
    }

    @Test
    void sgdNeedsMoreEpochsWhenTheOthersReachItsFinalLevelsSooner() {
        JmhJson json = new JmhJson()
                .convergence("mlp", "sgd", 1, new double[] {1.0, 0.8, 0.6, 0.5}, new double[] {0.5, 0.7, 0.8, 0.85})
                .convergence("mlp", "adam", 1, new double[] {0.7, 0.5, 0.4, 0.3}, new double[] {0.8, 0.85, 0.9, 0.9});
        ConclusionsText c = conclusions(json);
        // SGD's final levels: loss 0.5, accuracy 0.85; Adam reaches both at epoch 2 of 4
        assertEquals("holds: 1 of 1 method-setting pairs reach both of SGD's final levels in fewer epochs than SGD",
                verdict(c, 2));
        assertTrue(c.text().contains("Adam: loss target epoch 2 (2,000 sample-gradients, 0.2 s)"), c.text());
    }

    @Test
    void aMethodThatNeverReachesSgdsLevelSaysSo() {
        JmhJson json = new JmhJson()
                .convergence("mlp", "sgd", 1, new double[] {1.0, 0.8, 0.6, 0.5}, new double[] {0.5, 0.7, 0.8, 0.85})
                .convergence("mlp", "adam", 1, new double[] {0.7, 0.5, 0.4, 0.3}, new double[] {0.8, 0.85, 0.9, 0.9})
                .convergence("mlp", "mb-lbfgs", 1, new double[] {0.9, 0.9, 0.9, 0.9}, new double[] {0.6, 0.6, 0.6, 0.6});
        ConclusionsText c = conclusions(json);
        assertTrue(verdict(c, 2).startsWith("holds in part: 1 of 2"), verdict(c, 2));
        assertTrue(c.text().contains("never reached in 4 epochs"), c.text());
    }

    /*
     * Replicates {100, 102} against f·{100, 102}: both relative variance terms (2/2)/101² = 1/10201, df 2, half width
     * 4.303·R·√(2/10201) = 0.060251·R.
     */

    @Test
    void firstOrderTimesAreComparableWithinTenPercent() {
        // Momentum 1.02 → [0.9585, 1.0815]; Adam 1.03 → [0.9679, 1.0921]; Adam/Momentum 1.0098 → [0.9490, 1.0707]:
        // all inside [1/1.1, 1.1] = [0.9091, 1.1]
        JmhJson json = new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1, FORK2)
                .epochTime("mlp", "momentum", 64, 8000, JmhJson.scaled(1.02, FORK1),
                        JmhJson.scaled(1.02, FORK2))
                .epochTime("mlp", "adam", 64, 8000, JmhJson.scaled(1.03, FORK1),
                        JmhJson.scaled(1.03, FORK2));
        Conclusions c = analysis(json);
        Conclusions.TimePair adamOverSgd = c.time().get(0).pairs().get(1);
        assertEquals("Adam", adamOverSgd.a().label());
        assertEquals(1.03 - 0.060251 * 1.03, adamOverSgd.ratio().lower(), 1e-4);
        assertEquals(1.03 + 0.060251 * 1.03, adamOverSgd.ratio().upper(), 1e-4);
        assertEquals("holds: every comparison is equivalent within the margin", verdict(ConclusionsText.of(c), 3));
    }

    @Test
    void fourPercentSlowerIsUndecidedOnTwoReplicates() {
        // 1.04 → [0.9773, 1.1027]: the upper bound crosses 1.1
        JmhJson json = new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1, FORK2)
                .epochTime("mlp", "adam", 64, 8000, JmhJson.scaled(1.04, FORK1), JmhJson.scaled(1.04, FORK2));
        assertEquals(Conclusions.Outcome.UNDECIDED, analysis(json).time().get(0).pairs().get(0).outcome());
    }

    @Test
    void oneForkPerMethodCannotDecideComparableTime() {
        JmhJson json = new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1)
                .epochTime("mlp", "adam", 64, 8000, JmhJson.scaled(1.01, FORK1));
        ConclusionsText c = conclusions(json);
        assertEquals("cannot be decided: too few replicates (independent forks)", verdict(c, 3));
        assertTrue(c.text().contains("too few replicates (independent forks) for a CI"), c.text());
    }

    @Test
    void aFiftyPercentSlowerAdamBreaksComparableTime() {
        JmhJson json = new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1, FORK2)
                .epochTime("mlp", "adam", 64, 8000, JmhJson.scaled(1.5, FORK1),
                        JmhJson.scaled(1.5, FORK2));
        assertTrue(verdict(conclusions(json), 3).startsWith("does not hold"), verdict(conclusions(json), 3));
    }

    @Test
    void twentyPercentMoreHoldsAndFiftyDoesNot() {
        JmhJson json = new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1, FORK2)
                .epochTime("mlp", "mb-lbfgs", 64, 10624, JmhJson.scaled(1.2, FORK1),
                        JmhJson.scaled(1.2, FORK2));
        assertTrue(verdict(conclusions(json), 4).startsWith("holds"), verdict(conclusions(json), 4));
        JmhJson slow = new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1, FORK2)
                .epochTime("mlp", "mb-lbfgs", 64, 10624, JmhJson.scaled(1.5, FORK1),
                        JmhJson.scaled(1.5, FORK2));
        assertTrue(verdict(conclusions(slow), 4).startsWith("does not hold"), verdict(conclusions(slow), 4));
    }
}
