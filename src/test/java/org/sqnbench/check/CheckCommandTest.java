package org.sqnbench.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;

class CheckCommandTest {
    static final double[] EPOCHS = {300, 305, 295, 302, 298};
    static final double[] SGEMM = {6.7, 6.8, 6.6};
    static final Map<String, String> PRODUCT = Map.of("network", "mlp", "memory", "10", "form", "compact",
            "threads", "0");

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Results where the epochs take {@code epoch}× and the calibration kernel {@code machine}× the baseline's. */
    private Path results(String name, double epoch, double machine) {
        return new JmhJson()
                .calibration(JmhJson.scaled(machine, SGEMM))
                .epochTime("mlp", "sgd", 64, 8000, JmhJson.scaled(epoch, EPOCHS))
                .kernel("InverseHessianBenchmark.product", PRODUCT, JmhJson.scaled(machine, 0.5, 0.51, 0.49))
                .write(dir, name);
    }

    private int check(String... args) {
        return CheckCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void unchangedResultsPass() {
        Path base = results("base.json", 1, 1);
        assertEquals(0, check("--baseline", base.toString(), base.toString()), stderr());
        assertTrue(stdout().contains("EpochTimeBenchmark.epoch"), stdout());
        assertTrue(stdout().contains("InverseHessianBenchmark.product"), stdout());
        assertTrue(stdout().contains("No benchmark is slower"), stdout());
    }

    @Test
    void aThirtyPercentSlowerEpochFails() {
        Path base = results("base.json", 1, 1);
        Path slow = results("slow.json", 1.3, 1);
        // the default, 25% (the CI command's measured noise stays within 3%)
        assertEquals(1, check("--baseline", base.toString(), slow.toString()), stderr());
        assertTrue(stdout().contains("slower"), stdout());
        assertTrue(stdout().contains("1.30"), stdout());
        assertTrue(stdout().contains("1 of 2 benchmarks are slower"), stdout());
        assertTrue(stdout().contains("Slower than the baseline by more than 25%:"), stdout());
        // it lets 20% pass, which a tighter tolerance catches
        Path slightly = results("slightly.json", 1.2, 1);
        assertEquals(0, check("--baseline", base.toString(), slightly.toString()), stderr());
        assertEquals(1, check("--baseline", base.toString(), slightly.toString(), "--tolerance", "0.15"), stderr());
    }

    @Test
    void aThirtyPercentSlowerEpochPassesAWiderTolerance() {
        Path base = results("base.json", 1, 1);
        Path slow = results("slow.json", 1.3, 1);
        assertEquals(0, check("--baseline", base.toString(), slow.toString(), "--tolerance", "0.35"), stderr());
    }

    @Test
    void aUniformlySlowerMachineIsNotARegression() {
        Path base = results("base.json", 1, 1);
        Path slowMachine = results("slow-machine.json", 2, 2);
        assertEquals(0, check("--baseline", base.toString(), slowMachine.toString()), stdout() + stderr());
        assertTrue(stdout().contains("2.00× the baseline's time"), stdout());
    }

    @Test
    void aSlowerMachineDoesNotHideARegression() {
        Path base = results("base.json", 1, 1);
        Path both = results("both.json", 2 * 1.3, 2);
        assertEquals(1, check("--baseline", base.toString(), both.toString(), "--tolerance", "0.25"));
        Path worse = results("worse.json", 2 * 1.5, 2);
        assertEquals(1, check("--baseline", base.toString(), worse.toString()));
    }

    @Test
    void malformedFilesAreRejected() throws IOException {
        Path base = results("base.json", 1, 1);
        Path notJson = Files.writeString(dir.resolve("broken.json"), "[{\"benchmark\": ");
        assertRejected(check("--baseline", base.toString(), notJson.toString()), "not JSON");
        assertRejected(check("--baseline", dir.resolve("missing.json").toString(), base.toString()), "no such file");
    }

    @Test
    void resultsWithoutCalibrationAreRejected() {
        Path base = results("base.json", 1, 1);
        Path noCalibration = new JmhJson().epochTime("mlp", "sgd", 64, 8000, EPOCHS).write(dir, "nocal.json");
        assertRejected(check("--baseline", base.toString(), noCalibration.toString()), "calibrate");
    }

    @Test
    void filesWithNothingInCommonAreRejected() {
        Path base = results("base.json", 1, 1);
        Path other = new JmhJson().calibration(SGEMM).epochTime("cnn", "adam", 64, 5000, EPOCHS)
                .write(dir, "other.json");
        assertRejected(check("--baseline", base.toString(), other.toString()), "in common");
    }

    @Test
    void badArgumentsAreRejected() {
        Path base = results("base.json", 1, 1);
        assertRejected(check(base.toString()), "usage");
        assertRejected(check("--baseline", base.toString(), base.toString(), "--tolerance", "-1"), "--tolerance");
        assertRejected(check("--baseline", base.toString(), base.toString(), "--frobnicate"), "unknown option");
    }

    private void assertRejected(int status, String message) {
        assertEquals(2, status, stdout());
        String e = stderr();
        assertTrue(e.startsWith("sqnbench: "), e);
        assertTrue(e.contains(message), e);
        assertEquals(1, e.lines().count(), e);
        err.reset();
    }
}
