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
 * The added time per step and its memory bound on a fixture worked out by hand: MLP (n = 109,386), batch 64,
 * 6,400 sample-gradients per epoch = 100 steps; SGD epochs of 100 ms (1 ms per step); triad 10 ms over
 * 12·2^25 bytes = 40.265 GB/s.
 */
class UpdateCostTest {
    @TempDir
    Path dir;

    private List<UpdateCost.Row> rows() {
        Path file = new JmhJson()
                .epochTime("mlp", "sgd", 64, 6400, new double[] {100, 100, 100}, new double[] {100, 100, 100})
                .epochTime("mlp", "adam", 64, 6400, new double[] {107, 107, 107}, new double[] {107, 107, 107})
                .epochTime("mlp", "mb-lbfgs", 64, 6400, new double[] {300, 300, 300}, new double[] {300, 300, 300})
                .kernel("MemoryBandwidthBenchmark.triad", Map.of("threads", "1"), 10, 10, 10)
                .write(dir, "fixture.json");
        List<JmhResult> results = JmhResults.readAll(List.of(file)).results();
        return UpdateCost.of(EpochData.of(results), KernelTimes.of(results));
    }

    @Test
    void adamWithinTheBound() {
        UpdateCost.Row adam = rows().get(0);
        assertEquals("adam", adam.series().optimizer());
        assertEquals(1.07, adam.stepMs(), 1e-9);
        assertEquals(0.07, adam.addedMs().mean(), 1e-9);
        // 7 passes × 109,386 × 4 B = 3,062,808 B at 40.265 GB/s = 0.076066 ms; 0.07 / 0.076066 = 0.9203
        assertEquals(3_062_808, adam.bytes(), 1e-6);
        assertEquals(0.076066, adam.boundMs(), 1e-6);
        assertEquals(0.92026, adam.ratio(), 1e-4);
        assertTrue(adam.met());
    }

    @Test
    void mbLbfgsBeyondTheBound() {
        UpdateCost.Row mb = rows().get(1);
        assertEquals("mb-lbfgs", mb.series().optimizer());
        assertEquals(2.0, mb.addedMs().mean(), 1e-9);
        // (6·10 + 18) passes × 109,386 × 4 B = 34,128,432 B → 0.84759 ms; 2.0 / 0.84759 = 2.3596
        assertEquals(34_128_432, mb.bytes(), 1e-6);
        assertEquals(2.3596, mb.ratio(), 1e-4);
        assertFalse(mb.met());
    }

    @Test
    void noRowsWithoutABandwidthMeasurement() {
        Path file = new JmhJson()
                .epochTime("mlp", "sgd", 64, 6400, new double[] {100, 100})
                .epochTime("mlp", "adam", 64, 6400, new double[] {107, 107})
                .write(dir, "no-triad.json");
        List<JmhResult> results = JmhResults.readAll(List.of(file)).results();
        assertTrue(UpdateCost.of(EpochData.of(results), KernelTimes.of(results)).isEmpty());
    }

    /**
     * The fixture's epochs and triad (10 ms) in one input, another day's triad of 30 ms in a second: pooled, the
     * triad reads 20 ms (20.133 GB/s) and Adam's bound 0.152132 ms; from the epochs' own input it stays 0.076066 ms.
     */
    @Test
    void theBoundUsesTheBandwidthOfTheEpochsOwnInput() {
        rows();
        Path fixture = dir.resolve("fixture.json");
        Path other = new JmhJson().kernel("MemoryBandwidthBenchmark.triad", Map.of("threads", "1"), 30, 30, 30)
                .write(dir, "other.json");
        List<JmhResult> both = JmhResults.readAll(List.of(fixture, other)).results();
        EpochData epochs = EpochData.of(both);
        assertEquals(0.152132, UpdateCost.of(epochs, KernelTimes.of(both)).get(0).boundMs(), 1e-6);
        KernelSources sources = new KernelSources(KernelTimes.of(both), List.of(input("fixture", fixture),
                input("other", other)));
        assertEquals(0.076066, UpdateCost.of(epochs, sources).get(0).boundMs(), 1e-6);
    }

    private static KernelSources.Input input(String name, Path file) {
        List<JmhResult> results = JmhResults.readAll(List.of(file)).results();
        return new KernelSources.Input(name, EpochData.of(results), KernelTimes.of(results));
    }
}
