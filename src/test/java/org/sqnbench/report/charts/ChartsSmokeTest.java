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
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.sqnbench.report.JmhJson;
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

    /**
     * Final accuracy: the mean of each seed's last-epoch accuracy with a t interval, seeds that diverged left out.
     * Adam 0.90, 0.92, 0.94: mean 0.92, s = 0.02, half-width t(0.975, 2)·0.02/√3 = 4.303 × 0.011547 = 0.04969.
     * SGD 0.80, 0.84 and a seed that diverged (its 0.99 is not a result): mean 0.82, s = 0.028284, half-width
     * t(0.975, 1)·0.028284/√2 = 12.706 × 0.02 = 0.25412.
     */
    @Test
    void finalAccuracyIsTheMeanOverSeedsThatDidNotDiverge(@TempDir Path dir) {
        JmhJson json = new JmhJson();
        double[] adam = {0.90, 0.92, 0.94};
        for (int seed = 1; seed <= 3; seed++) {
            json.convergence("mlp", "adam", seed, new double[] {1.0, 0.5}, new double[] {0.5, adam[seed - 1]});
        }
        json.convergence("mlp", "sgd", 1, new double[] {1.0, 0.5}, new double[] {0.5, 0.80});
        json.convergence("mlp", "sgd", 2, new double[] {1.0, 0.5}, new double[] {0.5, 0.84});
        json.epoch("ConvergenceBenchmark", JmhJson.params("mlp", "sgd", 64, "3"), new double[][] {{100, 100}}, 1000,
                new double[][] {{0, 1}}).secondaryOfLast("testAccuracy", new double[] {0.5, 0.99});
        EpochData epochs = EpochData.of(JmhResults.readAll(List.of(json.write(dir, "final.json"))).results());
        ChartSpec spec = new ConvergenceCharts(epochs).finalAccuracy("mlp").chart().orElseThrow();
        assertEquals(ChartId.FINAL_ACCURACY.file("mlp"), spec.file());
        CategorySeries bars = ((CategoryChart) spec.chart()).getSeriesMap().values().iterator().next();
        assertEquals(List.of("SGD", "Adam"), List.copyOf(bars.getXData()));
        List<Double> y = bars.getYData().stream().map(Number::doubleValue).toList();
        List<Double> err = bars.getExtraValues().stream().map(Number::doubleValue).toList();
        assertEquals(0.82, y.get(0), 1e-9);
        assertEquals(0.25412, err.get(0), 1e-4);
        assertEquals(0.92, y.get(1), 1e-9);
        assertEquals(0.04969, err.get(1), 1e-4);
        assertTrue(new ConvergenceCharts(epochs).finalAccuracy("cnn").chart().isEmpty(), "no CNN results, no chart");
    }
}
