package org.sqnbench.report.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sqnbench.study.Method;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;

class EpochDataTest {
    @TempDir
    Path dir;

    private EpochData load(JmhJson json) {
        return EpochData.of(JmhResults.readAll(List.of(json.write(dir, "r.json"))).results());
    }

    @Test
    void divergedEpochsAreNotResults() {
        Map<String, String> p = JmhJson.params("cnn", "sgd-bb", 64, "1");
        // fork 2 diverges at its 2nd epoch; the 3rd epoch's flag is missing but it comes after a divergence
        EpochData data = load(new JmhJson().epoch("EpochTimeBenchmark", p,
                new double[][] {{100, 101, 102}, {99, 0.004, 0.004}}, 4992,
                new double[][] {{0, 0, 0}, {0, 1, 0}}));
        EpochSeries s = data.series(EpochData.EPOCH_TIME).get(0);
        assertArrayEquals(new double[] {100, 101, 102, 99}, s.times());
        // fork 1's mean of its three epochs, fork 2's of its one valid epoch
        assertArrayEquals(new double[] {101, 99}, s.replicateTimes(), 1e-12);
        // only fork 1 has two valid epochs: 102 − 100
        assertEquals(2, s.withinReplicateTrendMs(), 1e-12);
        assertEquals(6, s.epochs());
        assertEquals(2, s.divergedEpochs());
        assertFalse(s.allDiverged());
        assertEquals("fork 2 diverged at measured epoch 2", s.divergenceNote());
        assertTrue(s.key().setting().synthetic());
    }

    @Test
    void aRunDivergedFromTheStartHasNoTimes() {
        EpochData data = load(new JmhJson().epoch("ConvergenceBenchmark", JmhJson.params("mlp", "adam", 64, "2"),
                new double[][] {{0.004, 0.004}}, 8000, new double[][] {{1, 1}}));
        EpochSeries s = data.series(EpochData.CONVERGENCE).get(0);
        assertTrue(s.allDiverged());
        assertEquals(0, s.replicates());
        assertTrue(Double.isNaN(s.withinReplicateTrendMs()));
        assertEquals("fork 1 diverged at measured epoch 1", s.divergenceNote());
    }

    @Test
    void eachForkIsOneReplicateWhoseValueIsTheMeanOfItsEpochs() {
        EpochSeries s = load(new JmhJson().epochTime("mlp", "sgd", 64, 8000, new double[] {10, 12, 14},
                new double[] {20, 22, 24})).series(EpochData.EPOCH_TIME).get(0);
        assertArrayEquals(new double[] {12, 22}, s.replicateTimes(), 1e-12);
        assertEquals(2, s.replicates());
        assertEquals(17, s.meanReplicateTime(), 1e-12);
        // (14 − 10 + 24 − 20) / 2
        assertEquals(4, s.withinReplicateTrendMs(), 1e-12);
    }

    @Test
    void seedsInSeparateResultsAreReplicatesOfOneSeries() {
        // the EpochTime study's layout: one fork per seed, each seed its own JMH result
        JmhJson json = new JmhJson();
        for (int seed = 1; seed <= 3; seed++) {
            json.epoch("EpochTimeBenchmark", JmhJson.params("mlp", "adam", 64, String.valueOf(seed)),
                    new double[][] {{seed * 10.0, seed * 10.0 + 2}}, 8000, null);
        }
        List<EpochSeries> series = load(json).series(EpochData.EPOCH_TIME);
        assertEquals(1, series.size());
        assertArrayEquals(new double[] {11, 21, 31}, series.get(0).replicateTimes(), 1e-12);
    }

    @Test
    void stepsAndSamplesOfMbLbfgsFollowFromItsSampleGradients() {
        // n = 8,000, batch 64, l = 16: (8000 − 16) / 48 = 166 steps of 64 sample-gradients = 10,624,
        // passing 166·48 + 16 = 7,984 distinct samples
        EpochData data = load(new JmhJson().epochTime("mlp", "mb-lbfgs", 64, 10624, new double[] {1, 2}));
        EpochSeries s = data.series(EpochData.EPOCH_TIME).get(0);
        assertEquals(16, s.overlapSize());
        assertEquals(166, s.iterationsPerEpoch(), 1e-12);
        assertEquals(7984, s.samplesPerEpoch(), 1e-12);
        assertEquals("MB-LBFGS m=10", s.label());
    }

    @Test
    void recomputeModeCountsTwoOverlapGradientsPerStepButTheLast() {
        Map<String, String> p = JmhJson.params("mlp", "mb-lbfgs", 64, "1");
        p.put("overlapGradient", "recompute");
        // 166 steps: 166·64 + 165·2·16 = 15,904 sample-gradients
        EpochData data = load(new JmhJson().epoch("EpochTimeBenchmark", p, new double[][] {{1, 2}}, 15904, null));
        EpochSeries s = data.series(EpochData.EPOCH_TIME).get(0);
        assertEquals(166, s.iterationsPerEpoch(), 1e-12);
        assertEquals("MB-LBFGS m=10 recompute", s.label());
    }

    @Test
    void otherOptimizersPoolAcrossMbLbfgsOnlyParameters() {
        Map<String, String> m5 = JmhJson.params("mlp", "sgd", 64, "1");
        m5.put("memory", "5");
        EpochData data = load(new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, new double[] {1, 2})
                .epoch("EpochTimeBenchmark", m5, new double[][] {{3, 4}}, 8000, null));
        assertEquals(1, data.series(EpochData.EPOCH_TIME).size());
        assertEquals(4, data.series(EpochData.EPOCH_TIME).get(0).times().length);
    }

    @Test
    void aNonDefaultMethodOptionIsASeriesOfItsOwn() {
        Map<String, String> byDefault = JmhJson.params("mlp", "mb-lbfgs", 64, "1");
        byDefault.put("curvature", Method.DEFAULT_CURVATURE);
        Map<String, String> skip = JmhJson.params("mlp", "mb-lbfgs", 64, "1");
        skip.put("curvature", "skip");
        Map<String, String> raw = JmhJson.params("mlp", "sgd-bb", 64, "1");
        raw.put("bbSmoothing", "none");
        raw.put("curvature", "skip"); // an MB-LBFGS option: SGD-BB ignores it
        EpochData data = load(new JmhJson()
                .epoch("EpochTimeBenchmark", byDefault, new double[][] {{1, 2}}, 10624, null)
                .epoch("EpochTimeBenchmark", skip, new double[][] {{3, 4}}, 10624, null)
                .epochTime("mlp", "mb-lbfgs", 64, 10624, new double[] {5, 6})
                .epoch("EpochTimeBenchmark", raw, new double[][] {{7, 8}}, 8000, null));
        List<EpochSeries> series = data.series(EpochData.EPOCH_TIME);
        // results with the default curvature and without the parameter (older results) are the defaults: one series
        assertEquals(List.of("SGD-BB bbSmoothing=none", "MB-LBFGS m=10", "MB-LBFGS m=10 curvature=skip"),
                series.stream().map(EpochSeries::label).toList());
        assertEquals(4, series.get(1).times().length);
        assertTrue(series.get(1).hasDefaults());
        assertFalse(series.get(2).hasDefaults());
        assertFalse(series.get(0).hasDefaults());
    }

    @Test
    void dataLabelsSayWhatWasTrainedOn() {
        assertTrue(DataLabels.describe("cnn", "embedded", 5000).startsWith("SYNTHETIC CIFAR-shaped"));
        assertTrue(DataLabels.describe("mlp", "embedded", 0).contains("real MNIST subset (8,000 train / 2,000 test)"));
        assertTrue(DataLabels.describe("cnn", "data/cifar", 0).contains("directory 'data/cifar'"));
        assertTrue(DataLabels.describe("cnn", "embedded", 5000).endsWith("first 5,000 training samples"));
    }
}
