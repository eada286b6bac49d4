package org.sqnbench.report.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;
import org.sqnbench.report.analysis.Conclusions;
import org.sqnbench.report.analysis.KernelTimes;
import org.sqnbench.report.analysis.Verdict;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;

/** The four conclusions from small result files, through to the words the report prints. */
class ConclusionsTest {
    private static final double[] FORK1 = {100, 104, 96, 102, 98};
    private static final double[] FORK2 = {101, 99, 103, 97, 100};
    @TempDir
    Path dir;

    private ConclusionsText conclusions(JmhJson json) {
        List<JmhResult> results = JmhResults.readAll(List.of(json.write(dir, "results.json"))).results();
        EpochData data = EpochData.of(results);
        return ConclusionsText.of(Conclusions.of(data, Verdict.of(data, KernelTimes.of(results))));
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

    @Test
    void qualityHoldsWhenAllFinalAccuraciesAgreeWithinAPoint() {
        ConclusionsText c = conclusions(finalAccuracies("mlp", 0.950, 0.951, 0.949, 0.950, 3));
        assertTrue(verdict(c, 1).startsWith("holds"), verdict(c, 1));
        assertTrue(c.markdown().contains("MB-LBFGS m=10 − Adam accuracy: +0.0010"), c.markdown());
    }

    @Test
    void qualityDoesNotHoldWhenMbLbfgsIsFivePointsWorse() {
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

    @Test
    void firstOrderTimesAreComparableWithinTenPercent() {
        JmhJson json = new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1, FORK2)
                .epochTime("mlp", "momentum", 64, 8000, JmhJson.scaled(1.02, FORK1),
                        JmhJson.scaled(1.02, FORK2))
                .epochTime("mlp", "adam", 64, 8000, JmhJson.scaled(1.04, FORK1),
                        JmhJson.scaled(1.04, FORK2));
        assertTrue(verdict(conclusions(json), 3).startsWith("holds"), verdict(conclusions(json), 3));
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
