package org.sqnbench.report.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;
import org.sqnbench.study.Benchmarks;

class KernelTimesTest {
    @TempDir
    Path dir;

    @Test
    void trafficModels() {
        long n = 1000;
        assertEquals(10 * 5 * n * 4.0, CostModel.productBytes("two-loop", 5, n));
        assertEquals(4 * 5 * n * 4.0, CostModel.productBytes("compact", 5, n));
        assertEquals((2 * 5 * n + 4 * n) * 4.0, CostModel.addPairBytes("compact", 5, n));
        assertEquals(4 * n * 4.0, CostModel.addPairBytes("two-loop", 5, n));
        assertEquals(9 * n * 4.0, CostModel.bbStepBytes(n));
    }

    @Test
    void bandwidthAndComputeSpeed() {
        // 12·2^25 bytes in 20 ms = 20.13 GB/s; 2·512³ flop in 10 ms = 26.84 GFLOP/s
        List<JmhResult> r = JmhResults.readAll(List.of(new JmhJson()
                .kernel("MemoryBandwidthBenchmark.triad", Map.of("threads", "1"), 20, 20)
                .kernel("MemoryBandwidthBenchmark.triad", Map.of("threads", "2"), 16, 16)
                .calibration(10, 10).write(dir, "k.json"))).results();
        KernelTimes k = KernelTimes.of(r);
        assertEquals(12.0 * (1 << 25) / 0.020 / 1e9, k.bandwidth("1").orElseThrow().gbPerSecond(), 1e-9);
        // no triad with 0 threads: the highest bandwidth measured, a lower bound on any thread count's time
        assertEquals("2", k.bandwidth("0").orElseThrow().threads());
        assertEquals(2.0 * 512 * 512 * 512 / 0.010 / 1e9, CostModel.gflops(k.of(Benchmarks.SGEMM).get(0)), 1e-9);
    }

    @Test
    void threadsZeroIsTheNetworksDefaultAndUnknownWithoutOne() {
        assertEquals(1, KernelTimes.threadCount("mlp", "0"));
        assertEquals(2, KernelTimes.threadCount("cnn", "0"));
        assertEquals(2, KernelTimes.threadCount(null, "2"));
        // the triad and sgemm have no network: their 0 is ND4J's choice, matched by no count
        assertEquals(0, KernelTimes.threadCount(null, "0"));
        assertEquals(0, KernelTimes.threadCount("mlp", null));
    }
}
