package org.sqnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;

/** The standard study's shards are merged into one result file that the report reads as one run. */
class StandardStudyTest {
    static final Path FIXTURES = Path.of("src/test/resources/report");

    @TempDir
    Path dir;

    @Test
    void shardsMergeIntoOneArrayHoldingEveryResult() throws IOException {
        Path epochs = FIXTURES.resolve("epochs.json");
        Path kernels = FIXTURES.resolve("kernels.json");
        Path empty = Files.writeString(dir.resolve("empty.json"), "[]\n");
        Path merged = Files.writeString(dir.resolve("merged.json"),
                StandardStudy.mergeJson(List.of(epochs, empty, kernels)));
        int a = JmhResults.readAll(List.of(epochs)).results().size();
        int b = JmhResults.readAll(List.of(kernels)).results().size();
        List<JmhResult> all = JmhResults.readAll(List.of(merged)).results();
        assertEquals(a + b, all.size());
        // the order of the shards is kept: the first file's results come first
        assertEquals(JmhResults.readAll(List.of(epochs)).results().get(0).key(), all.get(0).key());
        assertEquals(JmhResults.readAll(List.of(kernels)).results().get(b - 1).key(), all.get(a + b - 1).key());
    }

    @Test
    void aShardThatIsNotAResultArrayIsRefused() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"benchmark\": \"x\"}");
        IOException e = assertThrows(IOException.class, () -> StandardStudy.mergeJson(List.of(bad)));
        assertTrue(e.getMessage().contains("not a JMH JSON result array"), e.getMessage());
    }

    @Test
    void everyShardSelectsSomeBenchmark() {
        // an include pattern that matched nothing would make a shard an empty, silent part of the study
        for (StandardStudy.Shard s : StandardStudy.SHARDS) {
            for (String name : s.include().split("\\|")) {
                assertTrue(List.of("GradientFloor", "OverlapGradient", "InverseHessian", "BbStep", "Calibration",
                        "MemoryBandwidth", "EpochTime", "Convergence").contains(name), name);
            }
        }
    }
}
