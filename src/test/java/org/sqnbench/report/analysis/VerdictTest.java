package org.sqnbench.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;
import org.sqnbench.report.text.VerdictText;

/**
 * The verdict's ratios over independent replicates (one per fork: the mean of its measured epochs), against
 * intervals worked out by hand with t quantiles from a printed table (t(0.975, df): df 1 → 12.706, df 2 → 4.303).
 */
class VerdictTest {
    /** Replicate mean 100. */
    static final double[] FORK1 = {100, 104, 96, 102, 98};
    /** Replicate mean 102: the two forks differ, so the replicates have a spread. */
    static final double[] FORK2 = {103, 101, 105, 99, 102};

    @TempDir
    Path dir;

    private Verdict verdict(JmhJson json) {
        List<JmhResult> results = JmhResults.readAll(List.of(json.write(dir, "results.json"))).results();
        return Verdict.of(EpochData.of(results), KernelTimes.of(results));
    }

    private static JmhJson sgdAndMb(double factor) {
        return new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1, FORK2)
                .epochTime("mlp", "mb-lbfgs", 64, 10624, JmhJson.scaled(factor, FORK1), JmhJson.scaled(factor, FORK2));
    }

    /*
     * With SGD's replicates {100, 102} and MB-LBFGS's f·{100, 102}: mean 101, s² = 2, Var(mean) = 2/2 = 1, so both
     * relative variance terms are c = 1/101² = 1/10201; df = (2c)²/(2c²/1) = 2; half width 4.303·f·√(2/10201) =
     * 0.060251·f.
     */

    @Test
    void exactlyTwentyPercentMoreIsInside() {
        Verdict v = verdict(sgdAndMb(1.2));
        Verdict.Entry e = v.entries().get(0);
        assertEquals(1.2, e.versusEach().get(0).ratio().estimate(), 1e-12);
        assertEquals(2, e.versusEach().get(0).ratio().df(), 1e-9);
        assertEquals(1.2 - 0.060251 * 1.2, e.versusEach().get(0).ratio().lower(), 1e-4);
        assertEquals(1.2 + 0.060251 * 1.2, e.versusEach().get(0).ratio().upper(), 1e-4);
        assertEquals("inside", VerdictText.position(e.versusEach().get(0)));
        assertEquals("inside", VerdictText.position(e.versusMean()));
        assertTrue(VerdictText.text(v).contains("vs SGD:"), VerdictText.text(v));
        assertTrue(VerdictText.text(v).contains("+20%: inside"), VerdictText.text(v));
        assertTrue(VerdictText.markdown(v).contains("| SGD | 1.20 |"), VerdictText.markdown(v));
    }

    @Test
    void fiftyPercentMoreIsOutsideAbove() {
        // 1.5 ± 0.0904: [1.410, 1.590]
        Verdict.Entry e = verdict(sgdAndMb(1.5)).entries().get(0);
        assertEquals("outside (MB-LBFGS costs more than +20%)", VerdictText.position(e.versusMean()));
    }

    @Test
    void fivePercentMoreIsOutsideBelow() {
        // 1.05 ± 0.0633: [0.987, 1.113]
        Verdict.Entry e = verdict(sgdAndMb(1.05)).entries().get(0);
        assertEquals("outside (MB-LBFGS costs less than +20%)", VerdictText.position(e.versusMean()));
    }

    @Test
    void aSingleForkGivesNoIntervalHoweverManyEpochs() {
        // five epochs per series but one JVM each: one replicate, no interval (pooled epochs would have given one)
        Verdict v = verdict(new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1)
                .epochTime("mlp", "mb-lbfgs", 64, 10624, JmhJson.scaled(1.2, FORK1)));
        String position = VerdictText.position(v.entries().get(0).versusMean());
        assertTrue(position.startsWith("no CI: too few replicates (independent forks)"), position);
        assertTrue(VerdictText.text(v).contains("too few replicates (independent forks)"), VerdictText.text(v));
    }

    /**
     * SGD's forks {10, 12, 14} and {20, 22, 24} are the replicates 12 and 22; MB-LBFGS's {20, 24, 28} and
     * {40, 44, 48} are 24 and 44. By hand from those four values: R = 34/17 = 2; each side s² = 50, Var(mean) = 25,
     * relative term 25/17² = 0.086505 (MB-LBFGS: 100/34² the same); df = (2c)²/(2c²/1) = 2; SE = 2·√(2c) = 0.83189;
     * half width 4.303 × 0.83189 = 3.5796. Pooling the six epochs instead would give s² = 33.2 over n = 6 per side,
     * df 10 and half width 2.228 × 0.39137 = 0.8720: an interval [1.128, 2.872] that excludes 1.2.
     */
    @Test
    void theRatioIsOverReplicateMeansNotPooledEpochs() {
        Verdict v = verdict(new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, new double[] {10, 12, 14}, new double[] {20, 22, 24})
                .epochTime("mlp", "mb-lbfgs", 64, 10624, new double[] {20, 24, 28}, new double[] {40, 44, 48}));
        Statistics.Ratio r = v.entries().get(0).versusEach().get(0).ratio();
        assertEquals(2, r.estimate(), 1e-12);
        assertEquals(2, r.df(), 1e-9);
        assertEquals(2 - 3.5796, r.lower(), 1e-3);
        assertEquals(2 + 3.5796, r.upper(), 1e-3);
        // the pooled interval would put 1.2 outside; over two replicates it is inside
        assertEquals("inside", VerdictText.position(v.entries().get(0).versusMean()));
        Verdict.Gap g = v.entries().get(0).gap();
        assertEquals(34, g.mbMs(), 1e-12);
        assertEquals(17, g.referenceMs(), 1e-12);
    }

    @Test
    void theMeanOfTheOthersIsTheMeanOfTheirMeans() {
        // SGD mean 100, Adam mean 140: others' mean 120; MB-LBFGS 1.2 × 120 = 144
        Verdict v = verdict(new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1, FORK2)
                .epochTime("mlp", "adam", 64, 8000, JmhJson.scaled(1.4, FORK1), JmhJson.scaled(1.4, FORK2))
                .epochTime("mlp", "mb-lbfgs", 64, 10624, JmhJson.scaled(1.44, FORK1), JmhJson.scaled(1.44, FORK2)));
        Verdict.Entry e = v.entries().get(0);
        assertEquals(2, e.versusEach().size());
        assertEquals(1.44, e.versusEach().get(0).ratio().estimate(), 1e-9);
        assertEquals(1.44 / 1.4, e.versusEach().get(1).ratio().estimate(), 1e-9);
        assertEquals(1.2, e.versusMean().ratio().estimate(), 1e-9);
    }

    @Test
    void theGapIsSplitByKernelTimes() {
        Map<String, String> kernel = Map.of("network", "mlp", "memory", "10", "form", "compact", "threads", "0");
        Verdict v = verdict(sgdAndMb(2.0)
                .kernel("InverseHessianBenchmark.product", kernel, 0.5, 0.5)
                .kernel("InverseHessianBenchmark.addPair", kernel, 0.3, 0.3));
        Verdict.Gap g = v.entries().get(0).gap();
        // SGD: replicates 100 and 102, mean 101 ms for 8,000 sample-gradients = 0.012625 ms each; MB-LBFGS (202 ms)
        // computes 2,624 more → 33.128 ms
        assertEquals(101, g.referenceMs(), 1e-9);
        assertEquals(101, g.gapMs(), 1e-9);
        assertEquals(33.128, g.extraGradientsMs(), 1e-9);
        // 10,624 / 64 = 166 steps × 0.5 ms; 165 pairs offered, none skipped, × 0.3 ms
        assertEquals(166, g.steps(), 1e-9);
        assertEquals(83.0, g.productEpochMs(), 1e-9);
        assertEquals(49.5, g.addPairEpochMs(), 1e-9);
        assertEquals(101 - 33.128 - 83.0 - 49.5, g.restMs(), 1e-9);
        assertTrue(VerdictText.text(v).contains("negative"), VerdictText.text(v));
    }

    /**
     * The case above in one input, and another day's product of 1.5 ms in a second: pooled, the product reads 1.0 ms
     * (166 ms per epoch); the breakdown takes the epochs' own input's 0.5 ms (83 ms), and the pair update, which only
     * the first input measured, either way.
     */
    @Test
    void theGapUsesTheKernelsOfTheEpochsOwnInput() {
        Map<String, String> kernel = Map.of("network", "mlp", "memory", "10", "form", "compact", "threads", "0");
        Path own = sgdAndMb(2.0).kernel("InverseHessianBenchmark.product", kernel, 0.5, 0.5)
                .kernel("InverseHessianBenchmark.addPair", kernel, 0.3, 0.3).write(dir, "own.json");
        Path other = new JmhJson().kernel("InverseHessianBenchmark.product", kernel, 1.5, 1.5).write(dir, "other.json");
        List<JmhResult> both = JmhResults.readAll(List.of(own, other)).results();
        EpochData epochs = EpochData.of(both);
        assertEquals(166.0, Verdict.of(epochs, KernelTimes.of(both)).entries().get(0).gap().productEpochMs(), 1e-9);
        KernelSources sources = new KernelSources(KernelTimes.of(both), List.of(input("own", own),
                input("other", other)));
        Verdict.Gap g = Verdict.of(epochs, sources).entries().get(0).gap();
        assertEquals(83.0, g.productEpochMs(), 1e-9);
        assertEquals(49.5, g.addPairEpochMs(), 1e-9);
    }

    private static KernelSources.Input input(String name, Path file) {
        List<JmhResult> results = JmhResults.readAll(List.of(file)).results();
        return new KernelSources.Input(name, EpochData.of(results), KernelTimes.of(results));
    }

    @Test
    void unmeasuredKernelsAreSaidToBeMissing() {
        Verdict v = verdict(sgdAndMb(1.2));
        assertTrue(Double.isNaN(v.entries().get(0).gap().productEpochMs()));
        assertTrue(VerdictText.text(v).contains("kernel not measured for mlp, m=10"), VerdictText.text(v));
        assertTrue(VerdictText.markdown(v).contains("| inverse-Hessian product | not measured |"), VerdictText.markdown(v));
    }

    @Test
    void noMbLbfgsMeansNoVerdict() {
        Verdict v = verdict(new JmhJson().epochTime("mlp", "sgd", 64, 8000, FORK1));
        assertTrue(v.entries().isEmpty());
        assertTrue(VerdictText.text(v).contains("No verdict"), VerdictText.text(v));
    }
}
