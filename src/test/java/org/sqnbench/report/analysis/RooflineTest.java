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

    /**
     * Two runs of the MLP's batch-64 gradient on 1 thread, each with its own sgemm: the first 0.5 ms against an sgemm
     * of 1 ms (268.435456 GFLOP/s), the second 0.6 ms against 2 ms (134.217728). Pooled, the gradient would read
     * 0.55 ms and the sgemm 1.5 ms. Each run against its own: 58.1632 / 268.435456 = 0.2166748 and
     * 48.469333 / 134.217728 = 0.3611247; a third input with a gradient and no sgemm takes the pooled one.
     */
    @Test
    void eachInputIsSetAgainstItsOwnSgemm() {
        Map<String, String> mlp = Map.of("network", "mlp", "batchSize", "64", "threads", "1");
        Path a = new JmhJson().kernel("GradientFloorBenchmark.gradient", mlp, 0.5, 0.5).calibration(1, 1)
                .write(dir, "a.json");
        Path b = new JmhJson().kernel("GradientFloorBenchmark.gradient", mlp, 0.6, 0.6).calibration(2, 2)
                .write(dir, "b.json");
        Path c = new JmhJson().kernel("GradientFloorBenchmark.gradient",
                Map.of("network", "mlp", "batchSize", "16", "threads", "1"), 0.2, 0.2).write(dir, "c.json");
        KernelSources sources = new KernelSources(KernelTimes.of(JmhResults.readAll(List.of(a, b, c)).results()),
                List.of(input("a", a), input("b", b), input("c", c)));
        List<Roofline.Row> rows = Roofline.of(sources);
        assertEquals(3, rows.size());
        assertEquals("a", rows.get(0).run());
        assertEquals(0.2166748, rows.get(0).fraction(), 1e-7);
        assertEquals("b", rows.get(1).run());
        assertEquals(0.3611247, rows.get(1).fraction(), 1e-7);
        // c: 16 × 454,400 = 7,270,400 FLOPs in 0.2 ms = 36.352 GFLOP/s against the pooled sgemm, 1.5 ms
        assertEquals("c", rows.get(2).run());
        assertEquals(36.352 / (268.435456 / 1.5), rows.get(2).fraction(), 1e-9);
        // one input: the rows are the pooled ones, unlabelled
        List<Roofline.Row> single = Roofline.of(KernelSources.single(KernelTimes.of(
                JmhResults.readAll(List.of(a)).results())));
        assertEquals("", single.get(0).run());
        assertEquals(0.2166748, single.get(0).fraction(), 1e-7);
    }

    private static KernelSources.Input input(String name, Path file) {
        var results = JmhResults.readAll(List.of(file)).results();
        return new KernelSources.Input(name, org.sqnbench.report.results.EpochData.of(results),
                KernelTimes.of(results));
    }
}
