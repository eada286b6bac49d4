package org.sqnbench.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;
import org.sqnbench.report.ReportCommand;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;
import org.sqnbench.report.text.ConditionsText;
import org.sqnbench.study.Traffic;

class OverheadModelTest {
    static final double[] SGD_FORK1 = {98, 102, 100, 101, 99};
    static final double[] SGD_FORK2 = {100, 100, 100, 100, 100};
    static final double[] MB_FORK1 = {318, 322, 320, 321, 319};
    static final double[] MB_FORK2 = {300, 300, 300, 300, 300};

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static Map<String, String> p(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /**
     * MLP, batch 64, 8,000 samples. SGD: 8,000 sample-gradients, k₀ = 125 steps. MB-LBFGS, r = 0.25 (l = 16),
     * m = 10, pass epochs: 10,624 sample-gradients, k = 166 steps, 165 offered pairs of which 15 skipped: 150 kept;
     * 5 pairs held on average. Kernels: G(64) = 0.5 ms, G₃(64, 0.25) = 0.7 ms (PartGradients),
     * the step's own vector work V = 0.2 ms (MbLbfgsStep), a vector pass c = 0.01 ms (the triad's time is set to give
     * it), so SGD's update U = 3c = 0.03 ms, product at m = 10 0.45 ms, addPair 0.24 ms.
     */
    static final String TRIAD = "MemoryBandwidthBenchmark.triad";
    static final long MLP_N = 109_386;
    static final long CNN_N = 4_109_882;

    /** The triad time, ms, at which one pass over n floats takes {@code passMs}: bandwidth = 4n bytes / passMs. */
    static double triadFor(double passMs, long n) {
        return passMs * Traffic.TRIAD_BYTES / (4.0 * n);
    }

    /** Handoff kernels whose difference, axpyThenGradient − gradient − axpy, is {@code handoff} ms. */
    static JmhJson handoff(JmhJson json, String network, double handoff) {
        return json.kernel("HandoffBenchmark.gradient", p("network", network, "threads", "0"), 0.5, 0.5)
                .kernel("HandoffBenchmark.axpy", p("network", network, "threads", "0"), 0.25, 0.25)
                .kernel("HandoffBenchmark.axpyThenGradient", p("network", network, "threads", "0"), 0.75 + handoff,
                        0.75 + handoff);
    }

    static JmhJson mlp(boolean withAddPair) {
        return mlp(withAddPair, 0);
    }

    static JmhJson mlp(boolean withAddPair, double handoff) {
        JmhJson json = mlpWithoutPairKernels()
                .kernel("ColdPairsBenchmark.product", p("network", "mlp", "memory", "10", "threads", "0"), 0.45, 0.45);
        if (withAddPair) {
            json.kernel("ColdPairsBenchmark.addPair", p("network", "mlp", "memory", "10", "threads", "0"), 0.24, 0.24);
        }
        return handoff(json, "mlp", handoff);
    }

    /** The case's epochs, metrics and every kernel but the product, the pair update and the handoff. */
    static JmhJson mlpWithoutPairKernels() {
        return new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, SGD_FORK1, SGD_FORK2)
                .epochTime("mlp", "mb-lbfgs", 64, 10624, MB_FORK1, MB_FORK2)
                .secondaryOfLast("skippedPairs", new double[] {15, 15, 15, 15, 15}, new double[] {15, 15, 15, 15, 15})
                .secondaryOfLast("pairsHeld", new double[] {5, 5, 5, 5, 5}, new double[] {5, 5, 5, 5, 5})
                .kernel("GradientFloorBenchmark.gradient", p("network", "mlp", "batchSize", "64", "threads", "0"), 0.5, 0.5)
                .kernel("PartGradientsBenchmark.partGradients", p("network", "mlp", "batchSize", "64",
                        "overlap", "0.25", "threads", "0"), 0.7, 0.7)
                .kernel(TRIAD, p("threads", "0"), triadFor(0.01, MLP_N), triadFor(0.01, MLP_N))
                .kernel("MbLbfgsStepBenchmark.step", p("network", "mlp", "threads", "0"), 0.2, 0.2);
    }

    private List<JmhResult> read(JmhJson json) {
        return JmhResults.readAll(List.of(json.write(dir, "results.json"))).results();
    }

    private OverheadModel model(JmhJson json) {
        List<JmhResult> results = read(json);
        return OverheadModel.of(EpochData.of(results), KernelTimes.of(results));
    }

    /**
     * P(5) = 0.45 × 4·5/(4·10 + 5) = 0.2 ms; A(5) = 0.24 × (4 + 2·5)/(4 + 2·10) = 0.14 ms.
     * T_MB = 166 × (0.7 + 0.2 + 0.2) + 150 × 0.14 = 182.6 + 21 = 203.6 ms;
     * T_SGD = 125 × (0.5 + 0.03) = 66.25 ms; predicted 203.6 / 66.25 = 3.073208.
     * Measured: run means 320 and 300 over 100 and 100: 3.1; error 3.073208 / 3.1 − 1 = −0.86%.
     */
    @Test
    void predictsTheRatioFromKernelsAndCounts() {
        OverheadModel m = model(mlp(true));
        assertEquals(List.of(), m.notes());
        OverheadModel.Row row = m.rows().get(0);
        assertEquals(0.2, row.mb().productMs(), 1e-12);
        assertEquals(0.14, row.mb().addPairMs(), 1e-12);
        assertEquals(0.2, row.mb().stepMs(), 1e-12);
        assertEquals(203.6, row.mb().totalMs(), 1e-9);
        assertEquals(66.25, row.sgdModel().totalMs(), 1e-9);
        assertEquals(203.6 / 66.25, row.predicted(), 1e-9);
        assertEquals(3.1, row.measured(), 1e-9);
        assertEquals(-0.008643, row.relativeError(), 1e-6);
        assertTrue(row.withinTolerance());
        assertEquals(OverheadModel.CSV_HEADER + "\nmlp,64,0.25,10,pass,3.100,3.073\n", m.csv());
        assertEquals("network,batchSize,overlap,memory,epochForm,measured,predicted", OverheadModel.CSV_HEADER);
    }

    /**
     * The warm InverseHessian kernels are not what training meets: with only those for the pair matrix (times that
     * would predict a far lower ratio) the row is skipped and the note names the cold kernels it needs.
     */
    @Test
    void theWarmPairKernelsDoNotStandInForTheColdOnes() {
        Map<String, String> warm = p("network", "mlp", "memory", "10", "form", "compact", "threads", "0");
        JmhJson json = mlpWithoutPairKernels()
                .kernel("InverseHessianBenchmark.product", warm, 0.1, 0.1)
                .kernel("InverseHessianBenchmark.addPair", warm, 0.05, 0.05);
        OverheadModel m = model(handoff(json, "mlp", 0));
        assertEquals(List.of(), m.rows());
        assertEquals(1, m.notes().size());
        assertTrue(m.notes().get(0).contains("kernels not measured: mlp ColdPairs product memory=10, "
                + "mlp ColdPairs addPair memory=10"), m.notes().get(0));
    }

    /**
     * The case above with a handoff H = 0.95 − 0.5 − 0.25 = 0.2 ms: MB-LBFGS pays 2·166 − 1 = 331 of them, SGD 125.
     * T_MB = 203.6 + 331 × 0.2 = 269.8 ms; T_SGD = 125 × (0.5 + 0.03 + 0.2) = 91.25 ms; predicted 2.956712.
     */
    @Test
    void handoffsAreChargedTwicePerMbLbfgsStepAndOncePerSgdStep() {
        OverheadModel.Row row = model(mlp(true, 0.2)).rows().get(0);
        assertEquals(0.2, row.mb().handoffMs(), 1e-12);
        assertEquals(66.2, row.mb().handoffPart(), 1e-9);
        assertEquals(269.8, row.mb().totalMs(), 1e-9);
        assertEquals(91.25, row.sgdModel().totalMs(), 1e-9);
        assertEquals(2.956712, row.predicted(), 1e-6);
    }

    @Test
    void aMissingKernelSkipsTheRowWithANote() {
        OverheadModel m = model(mlp(false));
        assertEquals(List.of(), m.rows());
        assertEquals(1, m.notes().size());
        assertTrue(m.notes().get(0).contains("skipped, kernels not measured: mlp ColdPairs addPair memory=10"),
                m.notes().get(0));
        assertEquals(OverheadModel.CSV_HEADER + "\n", m.csv());
        assertTrue(ConditionsText.text(m).startsWith("Overhead model: no prediction"), ConditionsText.text(m));
    }

    @Test
    void aKernelAtAnotherThreadCountIsNotUsed() {
        // the epochs ran with threads=0; a triad run with threads=1 belongs to another session
        OverheadModel m = model(mlp(true).kernel(TRIAD, p("threads", "1"), 3.0, 3.0));
        assertEquals(1, m.rows().size());
        JmhJson other = new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, SGD_FORK1, SGD_FORK2)
                .epochTime("mlp", "mb-lbfgs", 64, 10624, MB_FORK1, MB_FORK2)
                .secondaryOfLast("pairsHeld", new double[] {5, 5, 5, 5, 5}, new double[] {5, 5, 5, 5, 5})
                .kernel("GradientFloorBenchmark.gradient", p("network", "mlp", "batchSize", "64", "threads", "0"), 0.5, 0.5)
                .kernel("PartGradientsBenchmark.partGradients", p("network", "mlp", "batchSize", "64",
                        "overlap", "0.25", "threads", "0"), 0.7, 0.7)
                .kernel(TRIAD, p("threads", "1"), triadFor(0.01, MLP_N), triadFor(0.01, MLP_N))
                .kernel("MbLbfgsStepBenchmark.step", p("network", "mlp", "threads", "0"), 0.2, 0.2)
                .kernel("ColdPairsBenchmark.product", p("network", "mlp", "memory", "10",
                        "threads", "0"), 0.45, 0.45)
                .kernel("ColdPairsBenchmark.addPair", p("network", "mlp", "memory", "10",
                        "threads", "0"), 0.24, 0.24);
        OverheadModel skipped = model(other);
        assertEquals(List.of(), skipped.rows());
        assertTrue(skipped.notes().get(0).contains("kernels not measured: MemoryBandwidth triad threads=0"),
                skipped.notes().get(0));
    }

    /** Another session's file that measured G(64) at 1.5 ms: pooled with the epochs' own 0.5 ms it reads 1.0. */
    static JmhJson otherSessionGradient() {
        return new JmhJson().kernel("GradientFloorBenchmark.gradient",
                p("network", "mlp", "batchSize", "64", "threads", "0"), 1.5, 1.5);
    }

    /**
     * Two inputs: the epochs with every kernel at G(64) = 0.5 ms, and another session's G(64) = 1.5 ms. Pooled, G is
     * the mean of the four forks, 1.0 ms, and T_SGD = 125 × (1.0 + 0.03) = 128.75 ms: 203.6 / 128.75 = 1.581359.
     * From the epochs' own input, the single-input case's 203.6 / 66.25 = 3.073208.
     */
    @Test
    void theKernelsOfTheEpochsOwnInputComeFirst() {
        // the floor takes the triad at the thread count the default resolves to, 1 on the MLP
        List<JmhResult> own = read(mlp(true).kernel(TRIAD, p("threads", "1"), triadFor(0.01, MLP_N),
                triadFor(0.01, MLP_N)));
        List<JmhResult> other = JmhResults.readAll(List.of(otherSessionGradient().write(dir, "other.json"))).results();
        List<JmhResult> both = JmhResults.readAll(List.of(dir.resolve("results.json"), dir.resolve("other.json")))
                .results();
        EpochData epochs = EpochData.of(both);
        KernelTimes pooled = KernelTimes.of(both);
        assertEquals(1.581359, OverheadModel.of(epochs, pooled).rows().get(0).predicted(), 1e-6);
        KernelSources sources = new KernelSources(pooled, List.of(
                new KernelSources.Input("results.json", EpochData.of(own), KernelTimes.of(own)),
                new KernelSources.Input("other.json", EpochData.of(other), KernelTimes.of(other))));
        assertEquals(203.6 / 66.25, OverheadModel.of(epochs, sources).rows().get(0).predicted(), 1e-9);
        // the floor likewise: 166 steps × (0.5 ms + its vector passes) from the own input, 1.0 ms pooled
        MbLbfgsFloor.Row ownFloor = MbLbfgsFloor.of(epochs, sources).get(0);
        MbLbfgsFloor.Row pooledFloor = MbLbfgsFloor.of(epochs, pooled).get(0);
        assertEquals(List.of(), ownFloor.missing());
        assertEquals(0.5, ownFloor.gradientMs(), 1e-12);
        assertEquals(1.0, pooledFloor.gradientMs(), 1e-12);
    }

    /** An input that holds the epochs but lacks a kernel leaves the row to the pooled kernels, which have it. */
    @Test
    void anInputWithoutEveryKernelFallsBackToThePooledOnes() {
        List<JmhResult> own = read(mlp(false));
        List<JmhResult> addPair = JmhResults.readAll(List.of(new JmhJson().kernel("ColdPairsBenchmark.addPair",
                p("network", "mlp", "memory", "10", "threads", "0"), 0.24, 0.24)
                .write(dir, "addpair.json"))).results();
        List<JmhResult> both = JmhResults.readAll(List.of(dir.resolve("results.json"), dir.resolve("addpair.json")))
                .results();
        KernelSources sources = new KernelSources(KernelTimes.of(both), List.of(
                new KernelSources.Input("results.json", EpochData.of(own), KernelTimes.of(own)),
                new KernelSources.Input("addpair.json", EpochData.of(addPair), KernelTimes.of(addPair))));
        OverheadModel m = OverheadModel.of(EpochData.of(both), sources);
        assertEquals(List.of(), m.notes());
        assertEquals(203.6 / 66.25, m.rows().get(0).predicted(), 1e-9);
    }

    @Test
    void theReportCommandReadsEachInputAlone() throws IOException {
        Path out = dir.resolve("plots");
        int status = ReportCommand.run(new String[] {mlp(true).write(dir, "r.json").toString(),
                        otherSessionGradient().write(dir, "other.json").toString(), "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        assertEquals(OverheadModel.CSV_HEADER + "\nmlp,64,0.25,10,pass,3.100,3.073\n",
                Files.readString(out.resolve(OverheadModel.CSV_FILE)));
    }

    @Test
    void resultsWithoutPairsHeldAreSkippedNotGuessed() {
        OverheadModel m = model(new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, SGD_FORK1)
                .epochTime("mlp", "mb-lbfgs", 64, 10624, MB_FORK1));
        assertEquals(List.of(), m.rows());
        assertTrue(m.notes().get(0).contains("no pairsHeld metric"), m.notes().get(0));
    }

    @Test
    void theReportWritesTheCsvTheConditionsTableAndTheWorstError() throws IOException {
        Path out = dir.resolve("plots");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int status = ReportCommand.run(new String[] {mlp(true).write(dir, "r.json").toString(), "--out", out.toString()},
                new PrintStream(console, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status);
        assertEquals(OverheadModel.CSV_HEADER + "\nmlp,64,0.25,10,pass,3.100,3.073\n",
                Files.readString(out.resolve(OverheadModel.CSV_FILE)));
        assertTrue(Files.isRegularFile(out.resolve("overhead-model.png")));
        String md = Files.readString(out.resolve("report.md"));
        // MB-LBFGS 310 over the only other, SGD at 100: 3.10, far above 1.2
        assertTrue(md.contains("| mlp | 64 | 0.25 | 10 | pass | 3.10 ("), md);
        assertTrue(md.contains("| no, above | 3.07 | 3.10 | -0.9% |"), md);
        assertTrue(md.contains("None of the 1 settings is consistent with +20%"), md);
        assertTrue(md.contains("the worst relative error is -0.9%"), md);
        String text = console.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Overhead model: 1 of 1 MB-LBFGS/SGD ratios predicted within ±10%; worst error -0.9%"),
                text);
    }

    /**
     * CNN kernels: G(64) = 20 ms, G₃(64, 0.25) = 23 ms and G₃(64, 0.1) = 22 ms; a pass 0.2 ms (from the triad),
     * SGD's update 0.6 ms; the step's own vector work V = 4.2 ms;
     * product 5 / 9 ms and addPair 4 / 7 ms at m = 5 / 10, so with a full memory P(m) = 5·20/25 = 4 / 9·40/45 = 8 ms. Source: 5.19 min × 60,000 / 15 / 782 = 26.547315 ms per
     * SGD step; ours 20 + 0.6 = 20.6 ms; scale 1.288705. k₀ = 50,000 / 64 = 781; others / SGD = 5.275 / 5.19.
     *
     * <p>Pass, r = 0.25, m = 10: l = 16, k = 49,984 / 48 = 1041, all 1040 offered pairs kept, memory full. At our
     * speed T_MB = 1041 × (23 + 4.2 + 8) + 1040 × 7 = 43,923.2 ms, T_SGD = 781 × 20.6 = 16,088.6 ms: 2.730082. At
     * the source's: T_MB = 1041 × (23·1.288705 + 4.2 + 8) + 7280 = 50,835.655, T_SGD = 781 × (20·1.288705 + 0.6) =
     * 20,598.166: 2.467970, over the others' mean 2.428202.
     *
     * <p>Iterations, r = 0.1, m = 5: l = 6, k = 781, 780 pairs. Ours: 781 × (22 + 4.2 + 4) + 780 × 4
     * = 26,706.2 ms: 1.659946. Source's: 781 × (22·1.288705 + 8.2) + 3,120 = 31,666.723: 1.537356.
     */
    @Test
    void theSourceSettingFromOurCnnKernels() {
        JmhJson json = new JmhJson();
        json.kernel("GradientFloorBenchmark.gradient", p("network", "cnn", "batchSize", "64", "threads", "0"), 20, 20);
        json.kernel("PartGradientsBenchmark.partGradients", p("network", "cnn", "batchSize", "64", "overlap", "0.25",
                "threads", "0"), 23, 23);
        json.kernel("PartGradientsBenchmark.partGradients", p("network", "cnn", "batchSize", "64", "overlap", "0.1",
                "threads", "0"), 22, 22);
        json.kernel(TRIAD, p("threads", "0"), triadFor(0.2, CNN_N), triadFor(0.2, CNN_N));
        json.kernel("MbLbfgsStepBenchmark.step", p("network", "cnn", "threads", "0"), 4.2, 4.2);
        handoff(json, "cnn", 0);
        for (int m : new int[] {5, 10}) {
            Map<String, String> params = p("network", "cnn", "memory", String.valueOf(m), "threads", "0");
            json.kernel("ColdPairsBenchmark.product", params, m == 5 ? 5 : 9, m == 5 ? 5 : 9);
            json.kernel("ColdPairsBenchmark.addPair", params, m == 5 ? 4 : 7, m == 5 ? 4 : 7);
        }
        OverheadModel.SourceSetting s = OverheadModel.sourceSetting(KernelTimes.of(read(json)), "0");
        assertEquals(List.of(), s.missing());
        assertEquals(26.547315, s.sourceStepMs(), 1e-6);
        assertEquals(20.6, s.ourStepMs(), 1e-12);
        assertEquals(8, s.cases().size());
        OverheadModel.SourceCase pass = s.cases().stream()
                .filter(c -> c.epochForm().equals("pass") && c.overlap() == 0.25 && c.memory() == 10).findFirst().orElseThrow();
        assertEquals(1041, pass.ours().steps());
        assertEquals(2.730082, pass.oursOverSgd(), 1e-6);
        assertEquals(2.467970, pass.sourceOverSgd(), 1e-6);
        assertEquals(2.428202, pass.sourceOverOthers(), 1e-6);
        assertEquals(1041.0 / 781, pass.stepFloor(), 1e-12);
        OverheadModel.SourceCase iterations = s.cases().stream()
                .filter(c -> c.epochForm().equals("iterations") && c.overlap() == 0.1 && c.memory() == 5).findFirst()
                .orElseThrow();
        assertEquals(1.659946, iterations.oursOverSgd(), 1e-6);
        assertEquals(1.537356, iterations.sourceOverSgd(), 1e-6);
        assertTrue(!iterations.nearAtSourceSpeed(1.21));
    }

    /**
     * With every gradient at the source's speed the vector work is a smaller share: a case 1.24 over the others'
     * mean at the source's speed and 1.40 at ours is near 1.21 only at the source's, so that verdict depends on
     * implementation speed; one at 2.0 and 2.2 is near at neither.
     */
    @Test
    void theSpeedSentenceNamesTheVerdictsThatDependOnSpeed() {
        OverheadModel.SgdEpoch sgd = new OverheadModel.SgdEpoch(100, 1, 0);
        // 100 steps, no pairs, one pass 0: T_MB = 100 × (gradient + product); SGD 100 ms; others / SGD = 1
        OverheadModel.SourceCase near = new OverheadModel.SourceCase("iterations", 0.1, 5,
                new OverheadModel.MbEpoch(100, 0, 1, 0, 0.4, 0), sgd, new OverheadModel.MbEpoch(100, 0, 1, 0, 0.24, 0),
                sgd, 1);
        OverheadModel.SourceCase far = new OverheadModel.SourceCase("pass", 0.25, 10,
                new OverheadModel.MbEpoch(100, 0, 1, 0, 1.2, 0), sgd, new OverheadModel.MbEpoch(100, 0, 1, 0, 1.0, 0),
                sgd, 1);
        assertEquals(1.40, near.oursOverOthers(), 1e-12);
        assertEquals(1.24, near.sourceOverOthers(), 1e-12);
        assertTrue(near.nearAtSourceSpeed(1.21) && !near.nearAtOurSpeed(1.21));
        String sentence = ConditionsText.speedSentence(List.of(near, far), 1.21);
        assertTrue(sentence.startsWith("The verdict depends on implementation speed for iterations r=0.1 m=5, near"
                + " 1.21 at the source's speed but not at ours"), sentence);
        assertTrue(sentence.contains("at our gradient speed the model gives 1.40–2.20× the others' mean, at the"
                + " source's 1.24–2.00×"), sentence);
    }

    @Test
    void theSourceSettingNamesWhatIsMissing() {
        OverheadModel.SourceSetting s = OverheadModel.sourceSetting(KernelTimes.of(read(mlp(true))), "0");
        assertEquals(List.of(), s.cases());
        assertTrue(s.missing().contains("cnn GradientFloor batchSize=64"), s.missing().toString());
    }
}
