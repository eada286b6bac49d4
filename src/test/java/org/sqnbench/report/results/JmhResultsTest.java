package org.sqnbench.report.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqnbench.report.JmhJson;
import org.sqnbench.report.analysis.Statistics;
import org.sqnbench.study.Benchmarks;

class JmhResultsTest {
    static final Path SAMPLES = Path.of("src/test/resources/report");

    @TempDir
    Path dir;

    @Test
    void readsTheBenchmarksOwnOutput() {
        List<JmhResult> results = JmhResults.readAll(List.of(SAMPLES.resolve("epochs.json"),
                SAMPLES.resolve("kernels.json"))).results();
        assertEquals(18, results.size());
        JmhResult epoch = results.stream().filter(r -> r.benchmarkClass().equals("EpochTimeBenchmark")).findFirst()
                .orElseThrow();
        assertEquals("ss", epoch.mode());
        assertEquals("mlp", epoch.param("network"));
        assertEquals(List.of(3), epoch.primary().rawData().stream().map(f -> f.length).toList());
        assertEquals(3, epoch.secondary("trainLoss").all().length);
        assertEquals("-onednn-avx2 (default)", epoch.settings().backend());
        JmhResult sgemm = results.stream().filter(r -> r.shortName().equals(Benchmarks.SGEMM)).findFirst().orElseThrow();
        assertEquals("avgt", sgemm.mode());
        assertEquals(6.7017, Statistics.mean(sgemm.primary().all()).mean(), 1e-4);
    }

    @Test
    void poolsTheSameRunFromTwoFiles() {
        Path a = new JmhJson().epochTime("mlp", "sgd", 64, 8000, new double[] {1, 2, 3}).write(dir, "a.json");
        Path b = new JmhJson().epochTime("mlp", "sgd", 64, 8000, new double[] {4, 5, 6}).write(dir, "b.json");
        List<JmhResult> results = JmhResults.readAll(List.of(a, b)).results();
        assertEquals(1, results.size());
        assertEquals(2, results.get(0).primary().forks());
        assertEquals(2, results.get(0).settings().forks());
        assertEquals(2, results.get(0).secondary("diverged").forks());
        assertEquals(List.of(a, b), results.get(0).files());
    }

    @Test
    void refusesTheSameBenchmarkRunDifferently() {
        Path a = new JmhJson().epochTime("mlp", "sgd", 64, 8000, new double[] {1, 2, 3}).write(dir, "a.json");
        Path b = new JmhJson().epochTime("mlp", "sgd", 64, 8000, new double[] {4, 5, 6})
                .withLast("warmupIterations", 7).write(dir, "b.json");
        BadInputException e = assertThrows(BadInputException.class, () -> JmhResults.readAll(List.of(a, b)));
        assertTrue(e.getMessage().contains(a.toString()) && e.getMessage().contains(b.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("warmupIterations 2 vs 7"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void convertsTimeUnitsToMilliseconds() {
        Path f = new JmhJson().kernel("BbStepBenchmark.bbStep", Map.of("network", "mlp"), 95.0, 105.0)
                .write(dir, "us.json");
        String text = readString(f).replace("\"ms/op\"", "\"us/op\"");
        writeString(f, text);
        JmhResult r = JmhResults.readAll(List.of(f)).results().get(0);
        assertEquals(0.1, Statistics.mean(r.primary().all()).mean(), 1e-12);
    }

    @Test
    void rejectsBadFilesWithOneLineNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.json");
        Path notJson = Files.writeString(dir.resolve("notjson.json"), "this is not JSON {");
        Path object = Files.writeString(dir.resolve("object.json"), "{\"benchmark\": \"x\"}");
        Path empty = Files.writeString(dir.resolve("empty.json"), "[]");
        Path other = new JmhJson().kernel("CalibrationBenchmark.sgemm", Map.of(), 1.0)
                .renameLast("org.openjdk.bench.vm.Foo.bar").write(dir, "other.json");
        Path noRaw = Files.writeString(dir.resolve("noraw.json"),
                "[{\"benchmark\": \"org.sqnbench.bench.X.y\", \"mode\": \"avgt\", \"primaryMetric\": {}}]");
        for (Path p : List.of(missing, notJson, object, empty, other, noRaw)) {
            BadInputException e = assertThrows(BadInputException.class, () -> JmhResults.readAll(List.of(p)),
                    p.toString());
            assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void writeString(Path p, String s) {
        try {
            Files.writeString(p, s);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
