package org.sqnbench.report.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.JmhResults;

/** The resident-memory table: growth is the worst fork's last-minus-first reading, flat up to 16 MB. */
class MemoryTableTest {
    @TempDir
    Path dir;

    @Test
    void growthIsTheWorstForkAndFlatnessItsBound() {
        Path file = new JmhJson()
                .epochTime("mlp", "sgd", 64, 6400, new double[] {100, 100, 100}, new double[] {100, 100, 100})
                .secondaryOfLast("residentMB", new double[] {150, 152, 155}, new double[] {151, 160, 170})
                .epochTime("mlp", "adam", 64, 6400, new double[] {107, 107, 107}, new double[] {107, 107, 107})
                .secondaryOfLast("residentMB", new double[] {140, 150, 156}, new double[] {140, 141, 140})
                .write(dir, "memory.json");
        EpochData data = EpochData.of(JmhResults.readAll(List.of(file)).results());
        String[] lines = Tables.memory(data.series(EpochData.EPOCH_TIME)).split("\n");
        // SGD: forks grew 5 and 19 MB → 19 > 16, not flat; Adam: 16 and 0 → 16, flat (bound inclusive)
        assertEquals("| mlp, batch 64 | SGD | 3 | 151 | 19 | no |", lines[lines.length - 2].replaceAll("\\s+\\|", " |"));
        assertEquals("| mlp, batch 64 | Adam | 3 | 140 | 16 | yes |", lines[lines.length - 1].replaceAll("\\s+\\|", " |"));
    }

    @Test
    void resultsWithoutReadingsAreSaidToBeMissing() {
        Path file = new JmhJson().epochTime("mlp", "sgd", 64, 6400, new double[] {100, 100}).write(dir, "old.json");
        EpochData data = EpochData.of(JmhResults.readAll(List.of(file)).results());
        assertTrue(Tables.memory(data.series(EpochData.EPOCH_TIME)).startsWith("No EpochTimeBenchmark"));
    }
}
