package org.sqnbench.report.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;
import org.sqnbench.report.analysis.KernelTimes;
import org.sqnbench.report.analysis.MbLbfgsFloor;
import org.sqnbench.report.analysis.Roofline;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;

/**
 * The roofline and floor tables as report.md shows them, on a fixture worked out by hand: threads=0 everywhere (MLP
 * 1 thread, CNN 2); an sgemm and a triad on 1 thread only, so the CNN's rows say what is missing.
 */
class FloorTablesTest {
    @TempDir
    Path dir;

    private List<JmhResult> results() {
        Path file = new JmhJson()
                .epochTime("mlp", "mb-lbfgs", 64, 10624, new double[] {318, 322, 320, 321, 319},
                        new double[] {300, 300, 300, 300, 300})
                .epochTime("cnn", "mb-lbfgs", 64, 10624, new double[] {1000, 1000}, new double[] {1100, 1100})
                .kernel("GradientFloorBenchmark.gradient", Map.of("network", "mlp", "batchSize", "64", "threads", "0"),
                        0.4, 0.6)
                .kernel("GradientFloorBenchmark.gradient", Map.of("network", "cnn", "batchSize", "16", "threads", "0"),
                        4, 6)
                .kernel("MemoryBandwidthBenchmark.triad", Map.of("threads", "1"), 10, 10)
                .calibration(1, 1)
                .write(dir, "fixture.json");
        return JmhResults.readAll(List.of(file)).results();
    }

    @Test
    void rooflineSaysWhenNoSgemmRanOnAsManyThreads() {
        String md = RooflineText.markdown(Roofline.of(KernelTimes.of(results())));
        // 29,081,600 FLOPs in 0.5 ms (± 12.706 × 0.1) = 58.2 GFLOP/s of 268 (2·512³ in 1 ms): 0.22
        assertTrue(md.contains("| mlp | 64 | 1 (threads=0) | 0.500 ± 1.27 | 0.0291 | 58.2 | 268 | 0.22 |\n"), md);
        // 482,649,600 FLOPs in 5 ms (± 12.706 × 1) = 96.5 GFLOP/s; the one sgemm ran on 1 thread
        assertTrue(md.contains("| cnn | 16 | 2 (threads=0) | 5.00 ± 12.7 | 0.483 | 96.5 | "
                + "no sgemm at 2 threads in these inputs | — |\n"), md);
    }

    @Test
    void floorRowsGiveTheRatioOrWhatIsMissing() {
        List<JmhResult> r = results();
        String md = FloorText.markdown(MbLbfgsFloor.of(EpochData.of(r), KernelTimes.of(r)));
        // 166 × (0.5 + 68 × 109,386 × 4 B / 40.265 GB/s = 0.739) = 205.7 ms; (320 + 300)/2 = 310 ± 12.706 × 10
        assertTrue(md.contains("| mlp, batch 64 | MB-LBFGS m=10 | 1 | 166 | 310 ± 127 | 0.500 | 0.739 | 206 | 1.51 |\n"),
                md);
        // (1000 + 1100)/2 = 1050 ± 12.706 × 50
        assertTrue(md.contains("| cnn, batch 64 | MB-LBFGS m=10 | 2 | 166 | 1050 ± 635 | — | — | — | not in these "
                + "inputs: GradientFloor batchSize=64 on 2 threads, MemoryBandwidth triad on 2 threads |\n"), md);
    }
}
