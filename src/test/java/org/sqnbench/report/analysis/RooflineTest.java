package org.sqnbench.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;
import org.sqnbench.report.results.JmhResults;

/**
 * The gradients' GFLOP/s against the sgemm's on a fixture worked out by hand: an sgemm of 2·512³ = 268,435,456 FLOPs
 * in 1 ms on 1 thread = 268.435456 GFLOP/s, and no sgemm on 2 threads.
 */
class RooflineTest {
    @TempDir
    Path dir;

    private List<Roofline.Row> rows() {
        Path file = new JmhJson()
                .kernel("GradientFloorBenchmark.gradient", Map.of("network", "cnn", "batchSize", "16", "threads", "0"),
                        5, 5)
                .kernel("GradientFloorBenchmark.gradient", Map.of("network", "mlp", "batchSize", "64", "threads", "1"),
                        0.9, 0.9)
                .kernel("GradientFloorBenchmark.gradient", Map.of("network", "mlp", "batchSize", "64", "threads", "0"),
                        0.5, 0.5)
                .calibration(1, 1)
                .write(dir, "kernels.json");
        return Roofline.of(KernelTimes.of(JmhResults.readAll(List.of(file)).results()));
    }

    @Test
    void theMlpsDefaultThreadIsTheOneThreadSgemms() {
        List<Roofline.Row> rows = rows();
        Roofline.Row mlp = rows.get(0);
        assertEquals("0", mlp.gradient().param("threads"));
        assertEquals(1, mlp.threads());
        // 64 × 454,400 = 29,081,600 FLOPs in 0.5 ms = 58.1632 GFLOP/s, 0.216675 of 268.435456
        assertEquals(29_081_600, mlp.flop());
        assertEquals(58.1632, mlp.gflops(), 1e-9);
        assertEquals(268.435456, mlp.sgemmGflops(), 1e-9);
        assertEquals(0.2166748, mlp.fraction(), 1e-7);
        // the explicit 1-thread run: 29,081,600 in 0.9 ms = 32.31289 GFLOP/s, against the same sgemm
        Roofline.Row explicit = rows.get(1);
        assertEquals(1, explicit.threads());
        assertEquals(32.312889, explicit.gflops(), 1e-6);
        assertEquals(268.435456, explicit.sgemmGflops(), 1e-9);
    }

    @Test
    void noSgemmOnTheCnnsTwoThreadsIsNoRate() {
        Roofline.Row cnn = rows().get(2);
        assertEquals("cnn", cnn.network());
        assertEquals(2, cnn.threads());
        // 16 × 30,165,600 = 482,649,600 FLOPs in 5 ms = 96.52992 GFLOP/s
        assertEquals(96.52992, cnn.gflops(), 1e-9);
        assertTrue(cnn.sgemm().isEmpty());
        assertTrue(Double.isNaN(cnn.fraction()));
    }
}
