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

class VerdictTest {
    static final double[] FORK1 = {100, 104, 96, 102, 98};
    static final double[] FORK2 = {101, 99, 103, 97, 100};

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

    @Test
    void exactlyTwentyPercentMoreIsInside() {
        Verdict v = verdict(sgdAndMb(1.2));
        Verdict.Entry e = v.entries().get(0);
        assertEquals(1.2, e.versusEach().get(0).ratio().estimate(), 1e-12);
        assertEquals("inside", VerdictText.position(e.versusEach().get(0)));
        assertEquals("inside", VerdictText.position(e.versusMean()));
        assertTrue(VerdictText.text(v).contains("vs SGD:"), VerdictText.text(v));
        assertTrue(VerdictText.text(v).contains("+20%: inside"), VerdictText.text(v));
        assertTrue(VerdictText.markdown(v).contains("| SGD | 1.20 |"), VerdictText.markdown(v));
    }

    @Test
    void fiftyPercentMoreIsOutsideAbove() {
        Verdict.Entry e = verdict(sgdAndMb(1.5)).entries().get(0);
        assertEquals("outside (MB-LBFGS costs more than +20%)", VerdictText.position(e.versusMean()));
    }

    @Test
    void fivePercentMoreIsOutsideBelow() {
        Verdict.Entry e = verdict(sgdAndMb(1.05)).entries().get(0);
        assertEquals("outside (MB-LBFGS costs less than +20%)", VerdictText.position(e.versusMean()));
    }

    @Test
    void aSingleEpochGivesNoInterval() {
        Verdict v = verdict(new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, FORK1)
                .epochTime("mlp", "mb-lbfgs", 64, 10624, new double[] {120}));
        String position = VerdictText.position(v.entries().get(0).versusMean());
        assertTrue(position.startsWith("no CI: too few measurements"), position);
        assertTrue(VerdictText.text(v).contains("too few measurements"), VerdictText.text(v));
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
        // SGD: 100 ms for 8,000 sample-gradients = 0.0125 ms each; MB-LBFGS computes 2,624 more → 32.8 ms
        assertEquals(100, g.referenceMs(), 1e-9);
        assertEquals(100, g.gapMs(), 1e-9);
        assertEquals(32.8, g.extraGradientsMs(), 1e-9);
        // 10,624 / 64 = 166 steps × 0.5 ms; 165 pairs offered, none skipped, × 0.3 ms
        assertEquals(166, g.steps(), 1e-9);
        assertEquals(83.0, g.productEpochMs(), 1e-9);
        assertEquals(49.5, g.addPairEpochMs(), 1e-9);
        assertEquals(100 - 32.8 - 83.0 - 49.5, g.restMs(), 1e-9);
        assertTrue(VerdictText.text(v).contains("negative"), VerdictText.text(v));
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
