package org.sqnbench.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * MB-LBFGS's floor per epoch on a fixture worked out by hand. MLP (n = 109,386), batch 64, threads=0 (1 thread),
 * m = 10: 10,624 sample-gradients per epoch = 166 steps; replicate means 320 and 300 ms. G(64) = 0.5 ms (the
 * threads=0 run, not the explicit 1-thread one at 0.9 ms of another session); triad 10 ms on 1 thread =
 * 12·2^25 B / 10 ms = 40.2653184 GB/s. A CNN setting (2 threads) has neither kernel.
 */
class MbLbfgsFloorTest {
    @TempDir
    Path dir;

    private List<MbLbfgsFloor.Row> rows() {
        double[] five = {5, 5, 5, 5, 5};
        Path file = new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, new double[] {100, 100}, new double[] {100, 100})
                .epochTime("mlp", "mb-lbfgs", 64, 10624, new double[] {318, 322, 320, 321, 319},
                        new double[] {300, 300, 300, 300, 300})
                .secondaryOfLast("pairsHeld", five, five)
                .epochTime("cnn", "mb-lbfgs", 64, 10624, new double[] {1000, 1000}, new double[] {1000, 1000})
                .kernel("GradientFloorBenchmark.gradient", Map.of("network", "mlp", "batchSize", "64", "threads", "1"),
                        0.9, 0.9)
                .kernel("GradientFloorBenchmark.gradient", Map.of("network", "mlp", "batchSize", "64", "threads", "0"),
                        0.5, 0.5)
                .kernel("MemoryBandwidthBenchmark.triad", Map.of("threads", "1"), 10, 10)
                .write(dir, "fixture.json");
        List<JmhResult> results = JmhResults.readAll(List.of(file)).results();
        return MbLbfgsFloor.of(EpochData.of(results), KernelTimes.of(results));
    }

    @Test
    void floorIsTheBatchGradientAndThePairMatrixPassesAtTriadBandwidth() {
        List<MbLbfgsFloor.Row> rows = rows();
        assertEquals(2, rows.size(), "the MB-LBFGS series only");
        MbLbfgsFloor.Row mlp = rows.get(0);
        assertTrue(mlp.hasFloor(), mlp.missing().toString());
        assertEquals(1, mlp.threads());
        assertEquals(166, mlp.steps(), 1e-12);
        assertEquals(0.5, mlp.gradientMs(), 1e-12);
        // (3·2·10 + 8) = 68 passes × 109,386 × 4 B = 29,752,992 B at 40.2653184 GB/s = 0.7389235 ms
        assertEquals(0.7389235, mlp.vectorMs(), 1e-7);
        // 166 × (0.5 + 0.7389235) = 205.661309 ms; measured (320 + 300)/2 = 310: 1.507333
        assertEquals(205.661309, mlp.floorMs(), 1e-6);
        assertEquals(310, mlp.measured().mean(), 1e-12);
        // two replicates: sd 14.1421, SE 10, t(0.975, 1) = 12.7062
        assertEquals(127.062, mlp.measured().halfWidth(), 1e-3);
        assertEquals(1.507333, mlp.ratio(), 1e-6);
    }

    @Test
    void aRowWithoutItsKernelsSaysWhichAreMissing() {
        MbLbfgsFloor.Row cnn = rows().get(1);
        assertEquals(2, cnn.threads());
        assertFalse(cnn.hasFloor());
        assertEquals(List.of("GradientFloor batchSize=64 on 2 threads", "MemoryBandwidth triad on 2 threads"),
                cnn.missing());
        assertTrue(Double.isNaN(cnn.floorMs()));
    }
}
