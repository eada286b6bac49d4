package org.sqnbench.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.sqnbench.report.ReportCommand;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;
import org.sqnbench.study.ChartId;
import org.sqnbench.study.StudyNetwork;

/**
 * Renders every chart from rich.json (both networks, all five optimizers, two seeds, a diverging SGD-BB, every
 * kernel; made by make_rich_fixture.py beside it) and from the benchmarks' own small sample output.
 */
class ChartsSmokeTest {
    static final Path FIXTURES = Path.of("src/test/resources/report");
    static final List<String> CHARTS = charts();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /** Every chart identity, per network of the study: rich.json has data for all of them. */
    static List<String> charts() {
        List<String> c = new ArrayList<>();
        for (ChartId id : ChartId.values()) {
            if (id.perNetwork()) {
                Arrays.stream(StudyNetwork.values()).forEach(n -> c.add(id.file(n.cliName())));
            } else {
                c.add(id.file());
            }
        }
        return c;
    }

    private static int report(String... args) {
        return ReportCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
    }

    @Test
    void rendersEveryChartAsPngAndSvg(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("plots");
        assertEquals(0, report(FIXTURES.resolve("rich.json").toString(), "--out", out.toString()));
        String md = Files.readString(out.resolve("report.md"));
        for (String chart : CHARTS) {
            Path png = out.resolve(chart + ".png");
            assertTrue(Files.isRegularFile(png), png.toString());
            assertNotNull(ImageIO.read(png.toFile()), png + " does not decode");
            Path svg = out.resolve(chart + ".svg");
            assertTrue(Files.isRegularFile(svg), svg.toString());
            assertTrue(Files.readString(svg).contains("<svg"), svg + " is not SVG");
            assertTrue(md.contains("](" + chart + ".png)"), chart + " is not embedded in report.md");
        }
        assertTrue(md.contains("SYNTHETIC CIFAR-shaped data"), md);
        assertTrue(md.contains("## Verdict"), md);
        assertTrue(md.contains("fork 2 diverged at measured epoch 4"), md);
        assertTrue(!md.contains("## Notes") || !md.contains("skipped,"), md);
    }

    @Test
    void theBenchmarksOwnSamplesRenderAndMissingChartsAreNoted(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("plots");
        assertEquals(0, report(FIXTURES.resolve("epochs.json").toString(), FIXTURES.resolve("kernels.json").toString(),
                "--out", out.toString()));
        assertNotNull(ImageIO.read(out.resolve("epoch-time-mlp.png").toFile()));
        String md = Files.readString(out.resolve("report.md"));
        // the samples have no CNN results: its charts are skipped with a note, not an error
        assertTrue(md.contains("train loss per epoch, cnn: skipped, no ConvergenceBenchmark results for cnn"), md);
        assertTrue(md.contains("-onednn-avx2 (default)"), md);
    }

    @Test
    void aDivergedSeedEndsItsCurveBeforeTheDivergence() {
        List<JmhResult> results = JmhResults.readAll(List.of(FIXTURES.resolve("rich.json"))).results();
        EpochData epochs = EpochData.of(results);
        XYChart chart = (XYChart) new ConvergenceCharts(epochs).trainLossByEpoch("cnn").chart().orElseThrow().chart();
        XYSeries sgdBb = chart.getSeriesMap().values().stream()
                .filter(s -> s.getName().startsWith("SGD-BB") && s.isShowInLegend()).findFirst().orElseThrow();
        // seed 2 diverged at its 6th epoch: epochs 1-5 drawn, nothing after, no zero losses
        assertTrue(sgdBb.getName().contains("seed 2 diverged at measured epoch 6"), sgdBb.getName());
        assertEquals(5, sgdBb.getXData().length);
        for (double y : sgdBb.getYData()) {
            assertTrue(y > 0.1, "a diverged epoch was drawn: " + y);
        }
        XYSeries sgd = chart.getSeriesMap().get("SGD");
        assertEquals(15, sgd.getXData().length);
    }
}
