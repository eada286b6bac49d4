package org.sqnbench.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.JmhResults;

/** The rows of the comparison other than "ok" and "slower": faster, not compared, and in one file only. */
class RegressionCheckTest {
    static final double[] EPOCHS = CheckCommandTest.EPOCHS;
    static final double[] SGEMM = CheckCommandTest.SGEMM;

    @TempDir
    Path dir;

    private List<JmhResult> read(JmhJson json, String name) {
        return JmhResults.readAll(List.of(json.write(dir, name))).results();
    }

    private RegressionCheck.Outcome compare(JmhJson baseline, JmhJson current) {
        return RegressionCheck.compare(dir.resolve("base.json"), read(baseline, "base.json"), dir.resolve("cur.json"),
                read(current, "cur.json"), RegressionCheck.DEFAULT_TOLERANCE);
    }

    @Test
    void aThirtyPercentFasterEpochIsFasterNotARegression() {
        JmhJson base = new JmhJson().calibration(SGEMM).epochTime("mlp", "sgd", 64, 8000, EPOCHS);
        JmhJson fast = new JmhJson().calibration(SGEMM).epochTime("mlp", "sgd", 64, 8000, JmhJson.scaled(0.7, EPOCHS));
        RegressionCheck.Outcome o = compare(base, fast);
        RegressionCheck.Row row = o.rows().get(0);
        // medians 210 and 300 ms, the same calibration: 0.70, below 1/1.25 = 0.80
        assertEquals(300, row.baselineMs(), 1e-9);
        assertEquals(210, row.currentMs(), 1e-9);
        assertEquals(0.7, row.ratio(), 1e-9);
        assertEquals(RegressionCheck.Status.FASTER, row.status());
        assertFalse(o.regressed());
        assertTrue(o.table().contains("faster"), o.table());
    }

    @Test
    void fifteenPercentFasterIsWithinTheTolerance() {
        JmhJson base = new JmhJson().calibration(SGEMM).epochTime("mlp", "sgd", 64, 8000, EPOCHS);
        JmhJson cur = new JmhJson().calibration(SGEMM).epochTime("mlp", "sgd", 64, 8000, JmhJson.scaled(0.85, EPOCHS));
        assertEquals(RegressionCheck.Status.OK, compare(base, cur).rows().get(0).status());
    }

    @Test
    void benchmarksInOneFileOnlyAreCountedNotCompared() {
        // baseline: SGD epochs and the product kernel; current: SGD epochs and Adam epochs. Compared: SGD only;
        // in one file only: the product kernel (baseline) and Adam (current). The calibrations are never rows.
        JmhJson base = new JmhJson().calibration(SGEMM).epochTime("mlp", "sgd", 64, 8000, EPOCHS)
                .kernel("InverseHessianBenchmark.product", CheckCommandTest.PRODUCT, 0.5, 0.51, 0.49);
        JmhJson cur = new JmhJson().calibration(SGEMM).epochTime("mlp", "sgd", 64, 8000, EPOCHS)
                .epochTime("mlp", "adam", 64, 8000, EPOCHS);
        RegressionCheck.Outcome o = compare(base, cur);
        assertEquals(1, o.rows().size());
        assertEquals("EpochTimeBenchmark.epoch", o.rows().get(0).benchmark());
        assertEquals(2, o.unmatched());
        assertTrue(o.table().contains("(2 benchmarks are in only one of the files and were not compared)"), o.table());
    }

    @Test
    void anEpochRunThatDivergedInEveryEpochIsNotCompared() {
        JmhJson base = new JmhJson().calibration(SGEMM).epochTime("mlp", "sgd", 64, 8000, EPOCHS);
        double[][] all = {{1, 1, 1, 1, 1}};
        JmhJson cur = new JmhJson().calibration(SGEMM).epoch("EpochTimeBenchmark",
                JmhJson.params("mlp", "sgd", 64, "1"), new double[][] {EPOCHS}, 8000, all);
        RegressionCheck.Row row = compare(base, cur).rows().get(0);
        assertEquals(RegressionCheck.Status.NOT_COMPARED, row.status());
        assertTrue(Double.isNaN(row.ratio()));
        assertEquals("diverged in every epoch", row.note());
    }
}
