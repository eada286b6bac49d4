package org.sqnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.study.ChartId;

class ReportCommandTest {
    static final Path EPOCHS = Path.of("src/test/resources/report/epochs.json");
    /** Both networks, all five optimizers, every kernel: every chart is drawn. */
    static final Path RICH = Path.of("src/test/resources/report/rich.json");

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private int report(String... args) {
        return ReportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void assertRejected(int status, String message) {
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, status, e);
        assertTrue(e.startsWith("sqnbench: ") && e.contains(message), e);
        assertEquals(1, e.lines().count(), e);
        err.reset();
    }

    @Test
    void printsTheVerdictAndWritesTheReport() {
        Path plots = dir.resolve("plots");
        assertEquals(0, report(EPOCHS.toString(), "--out", plots.toString()));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Verdict: does MB-LBFGS cost about 20% more"), text);
        assertTrue(text.contains("vs SGD:"), text);
        assertTrue(Files.isRegularFile(plots.resolve("report.md")));
        assertNoStagingLeft();
    }

    /**
     * SGD's forks {10, 12, 14} and {20, 22, 24}: replicates 12 and 22, mean 17, s = 7.071, se = 5, half width
     * t(0.975, 1) × 5 = 12.706 × 5 = 63.5; trend (14 − 10 + 24 − 20)/2 = 4 ms = 23.5% of 17. MB-LBFGS's twice that:
     * ratio 2, half width 4.303 × 0.83189 = 3.58 (worked in VerdictTest).
     */
    @Test
    void theReportStatesTheReplicatesTheirTrendAndTheOneLevel() throws IOException {
        Path results = new JmhJson()
                .epochTime("mlp", "sgd", 64, 8000, new double[] {10, 12, 14}, new double[] {20, 22, 24})
                .epochTime("mlp", "mb-lbfgs", 64, 10624, new double[] {20, 24, 28}, new double[] {40, 44, 48})
                .write(dir, "r.json");
        Path plots = dir.resolve("plots");
        assertEquals(0, report(results.toString(), "--out", plots.toString()));
        String md = Files.readString(plots.resolve("report.md"));
        assertTrue(md.contains("Every interval is a two-sided 95% interval, and every verdict"), md);
        assertTrue(md.contains("A replicate is one forked JVM with its own seed; its value is the mean of its measured "
                + "epochs"), md);
        assertTrue(md.contains("delta method over replicate means with a Welch–Satterthwaite t quantile"), md);
        assertTrue(md.contains("| replicates (epochs) | ms per epoch | within-replicate trend, ms |"), md);
        assertTrue(md.contains("| SGD | 2 (6) | 17.0 ± 63.5 | +4.00 (+23.5%) |"), md);
        assertTrue(md.contains("| MB-LBFGS m=10 | 2 (6) | 34.0 ± 127 | +8.00 (+23.5%) |"), md);
        assertTrue(md.contains("| 2.00 (-1.58 – 5.58) |"), md);
    }

    @Test
    void badInputWritesNothing() throws IOException {
        Path plots = dir.resolve("plots");
        Path notJson = Files.writeString(dir.resolve("x.json"), "<html>");
        Path empty = Files.writeString(dir.resolve("empty.json"), "[ ]");
        Path foreign = Files.writeString(dir.resolve("foreign.json"), "[{\"benchmark\": \"org.openjdk.Foo.bar\","
                + " \"mode\": \"avgt\", \"primaryMetric\": {\"scoreUnit\": \"ms/op\", \"rawData\": [[1.0]]}}]");
        assertRejected(report(dir.resolve("nope.json").toString(), "--out", plots.toString()), "no such file");
        assertRejected(report(notJson.toString(), "--out", plots.toString()), "not JSON");
        assertRejected(report(empty.toString(), "--out", plots.toString()), "no benchmark results");
        assertRejected(report(foreign.toString(), "--out", plots.toString()), "another suite");
        assertRejected(report("--out", plots.toString()), "no result files");
        assertFalse(Files.exists(plots));
        assertNoStagingLeft();
    }

    @Test
    void anUnwritableOutputDirectoryIsRejected() throws IOException {
        // a regular file where a parent directory should be: unwritable even for root
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertRejected(report(EPOCHS.toString(), "--out", file.resolve("plots").toString()), "cannot write");
        assertRejected(report(EPOCHS.toString(), "--out", file.toString()), "not a directory");
    }

    @Test
    void conflictingRunsAreRejectedNamingBothFiles() {
        Path a = new JmhJson().epochTime("mlp", "sgd", 64, 8000, new double[] {1, 2}).write(dir, "a.json");
        Path b = new JmhJson().epochTime("mlp", "sgd", 64, 8000, new double[] {1, 2})
                .withLast("measurementIterations", 5).write(dir, "b.json");
        assertRejected(report(a.toString(), b.toString(), "--out", dir.resolve("plots").toString()),
                "measurementIterations 2 vs 5");
    }

    @Test
    void aNewReportReplacesTheOldChartsAndKeepsOtherFiles() throws IOException {
        Path plots = Files.createDirectories(dir.resolve("plots"));
        Files.writeString(plots.resolve("convergence-loss-old.png"), "stale");
        Files.writeString(plots.resolve("README.txt"), "mine");
        Files.writeString(plots.resolve("report.md"), "old report");
        assertEquals(0, report(EPOCHS.toString(), "--out", plots.toString()));
        assertFalse(Files.exists(plots.resolve("convergence-loss-old.png")));
        assertEquals("mine", Files.readString(plots.resolve("README.txt")));
        assertTrue(Files.readString(plots.resolve("report.md")).startsWith("# sqnbench report"));
        assertTrue(Files.exists(plots.resolve("convergence-loss-mlp.png")));
        assertNoStagingLeft();
    }

    /**
     * Every chart identity: a full report (both networks, every chart) and then an MLP-only one into the same folder
     * leave only the second report's charts, each linked from its report.md, and no CNN chart of the first.
     */
    @Test
    void anMlpOnlyReportLeavesNoChartOfAnEarlierCnnReport() throws IOException {
        Path plots = dir.resolve("plots");
        assertEquals(0, report(RICH.toString(), "--out", plots.toString()));
        for (ChartId id : ChartId.values()) {
            for (String format : ChartId.FORMATS) {
                String file = (id.perNetwork() ? id.file("cnn") : id.file()) + "." + format;
                assertTrue(Files.isRegularFile(plots.resolve(file)), "the full report lacks " + file);
                assertTrue(OutputDirectory.ours(file), file + " would not be replaced by a later report");
            }
        }
        assertEquals(0, report(EPOCHS.toString(), "--out", plots.toString()));
        String md = Files.readString(plots.resolve("report.md"));
        for (ChartId id : ChartId.values()) {
            for (String format : ChartId.FORMATS) {
                if (id.perNetwork()) {
                    assertFalse(Files.exists(plots.resolve(id.file("cnn") + "." + format)), id.file("cnn") + " left");
                }
            }
        }
        try (Stream<Path> files = Files.list(plots)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                String base = name.substring(0, name.lastIndexOf('.'));
                // a chart is linked by its PNG, any other file (the overhead model's CSV) by its own name
                assertTrue(name.equals("report.md") || md.contains("](" + base + ".png)") || md.contains("](" + name + ")"),
                        name + " is not part of the report in the folder");
            }
        }
    }

    @Test
    void onlyTheReportsOwnFilesAreItsToRemove() {
        assertTrue(OutputDirectory.ours("report.md"));
        assertTrue(OutputDirectory.ours("final-accuracy-cnn.svg"));
        assertTrue(OutputDirectory.ours("mblbfgs-overhead.png"));
        assertTrue(OutputDirectory.ours("overhead-model.csv"));
        assertFalse(OutputDirectory.ours("mblbfgs-overhead-mlp.png"));
        assertFalse(OutputDirectory.ours("final-accuracy-cnn.txt"));
        assertFalse(OutputDirectory.ours("README.md"));
        assertFalse(OutputDirectory.ours("epoch-time.png"));
    }

    private void assertNoStagingLeft() {
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".sqnbench-report-")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
