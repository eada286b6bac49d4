package org.sqnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.RunnerException;
import org.sqnbench.bench.StandardStudy.PartRunner;
import org.sqnbench.bench.StudyFolder.Status;
import org.sqnbench.report.ReportCommand;

/** The study's bookkeeping: what is kept when, what a resume runs, and what report makes of a partial study. */
class StandardStudyTest {
    static final Path KERNELS = Path.of("src/test/resources/report/kernels.json");
    static final Path EPOCHS = Path.of("src/test/resources/report/epochs.json");
    static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 10, 0, 0);
    static final List<StudyPart> PARTS = List.of(
            new StudyPart("kernels", "Calibration", Map.of(), true),
            new StudyPart("epochs, CNN", "EpochTime", Map.of("network", "cnn", "trainSize", "500"), false),
            new StudyPart("convergence", "Convergence", Map.of("network", "mlp"), false));

    @TempDir
    Path results;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);

    /** Gives part 1 the kernels fixture and part 3 the epochs fixture; part 2 throws as a crashed part does. */
    private final class Scripted implements PartRunner {
        final List<String> ran = new ArrayList<>();
        final List<List<String>> options = new ArrayList<>();
        boolean part2Fails = true;
        StudyFolder folder;

        @Override
        public Outcome run(StudyPart part, List<String> jmhOptions) throws Exception {
            ran.add(part.title());
            options.add(jmhOptions);
            if (part.equals(PARTS.get(1))) {
                // by now part 1 is on disk, whole, and recorded as done
                StudyFolder reread = StudyFolder.open(folder.dir());
                assertEquals(Status.DONE, reread.parts().get(0).status());
                assertTrue(JsonParser.parseString(Files.readString(folder.dir().resolve("part-1.json")))
                        .getAsJsonArray().size() > 0);
                if (part2Fails) {
                    throw new RunnerException("forked VM failed with exit code 134");
                }
                return new Outcome(Files.readString(EPOCHS), List.of());
            }
            return new Outcome(Files.readString(part.title().equals("kernels") ? KERNELS : EPOCHS), List.of());
        }
    }

    private StudyFolder newStudy(LocalDateTime at, List<String> options) throws IOException {
        return StudyFolder.create(results, PARTS, options, at);
    }

    private static Set<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    @Test
    void eachPartIsKeptWhenItEndsAndAFailedPartDoesNotStopTheOthers() throws IOException {
        StudyFolder folder = newStudy(T0, List.of());
        Scripted runner = new Scripted();
        runner.folder = folder;
        StandardStudy.Summary summary = StandardStudy.run(folder, runner, out);

        assertEquals(List.of("kernels", "epochs, CNN", "convergence"), runner.ran);
        assertEquals(List.of(Status.DONE, Status.FAILED, Status.DONE),
                folder.parts().stream().map(StudyFolder.PartState::status).toList());
        assertEquals(Set.of("study.json", "part-1.json", "part-3.json"), filesIn(folder.dir()));
        assertEquals(Files.readString(KERNELS), Files.readString(folder.dir().resolve("part-1.json")));
        assertEquals(2, summary.done());
        assertEquals(List.of("part 2 of 3, epochs, CNN (EpochTime, network=cnn, trainSize=500): "
                + "RunnerException: forked VM failed with exit code 134"), summary.failed());
        String text = console.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("# FAILED: part 2 of 3, epochs, CNN"), text);
        assertTrue(text.contains("2 of 3 parts done.\nFailed:\n  part 2 of 3"), text);
        // what study.json says survives a reread
        assertEquals(List.of(1), StudyFolder.open(folder.dir()).missing());
    }

    @Test
    void resumeRunsOnlyTheMissingPartsWithTheRecordedSettings() throws IOException {
        List<String> options = List.of("-f", "1", "-wi", "0", "-i", "1");
        StudyFolder first = newStudy(T0, options);
        Scripted runner = new Scripted();
        runner.folder = first;
        StandardStudy.run(first, runner, out);

        StudyFolder again = StudyFolder.latestUnfinished(results).orElseThrow();
        assertEquals(first.dir(), again.dir());
        assertEquals(PARTS, again.parts().stream().map(StudyFolder.PartState::part).toList());
        console.reset();
        StandardStudy.describeResume(again, out);
        Scripted second = new Scripted();
        second.folder = again;
        second.part2Fails = false;
        StandardStudy.Summary summary = StandardStudy.run(again, second, out);

        assertEquals(List.of("epochs, CNN"), second.ran);
        assertEquals(List.of(options), second.options);
        assertEquals(3, summary.done());
        assertEquals(Set.of("study.json", "part-1.json", "part-2.json", "part-3.json"), filesIn(again.dir()));
        String text = console.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("(JMH options added to every part: -f 1 -wi 0 -i 1)"), text);
        assertTrue(text.contains("  skipping part 1 of 3, kernels: done\n"
                + "  running  part 2 of 3, epochs, CNN: failed before\n"
                + "  skipping part 3 of 3, convergence: done\n"), text);
        assertTrue(text.contains(", part 2 of 3, epochs, CNN\n# the last part; about"), text);
        assertTrue(StudyFolder.latestUnfinished(results).isEmpty());
    }

    @Test
    void theMostRecentUnfinishedStudyIsTheOneResumed() throws IOException {
        StudyFolder older = newStudy(T0, List.of());
        StudyFolder finished = newStudy(T0.plusHours(1), List.of());
        for (int i = 0; i < PARTS.size(); i++) {
            finished.record(i, Files.readString(KERNELS), 1, List.of());
        }
        assertEquals(older.dir(), StudyFolder.latestUnfinished(results).orElseThrow().dir());
        StudyFolder newer = newStudy(T0.plusDays(1), List.of());
        assertEquals(newer.dir(), StudyFolder.latestUnfinished(results).orElseThrow().dir());
        // a folder of something else in jmh-results/ is not a study
        Files.createDirectory(results.resolve("9999-notes"));
        assertEquals(newer.dir(), StudyFolder.latestUnfinished(results).orElseThrow().dir());
        assertTrue(StudyFolder.latestUnfinished(results.resolve("none")).isEmpty());
    }

    @Test
    void aStoppedWriteNeverReplacesAGoodFileAndItsLeftoverIsRemoved() throws IOException {
        StudyFolder folder = newStudy(T0, List.of());
        Path part = folder.dir().resolve("part-1.json");
        AtomicWrite.write(part, "[1]");
        IOException stopped = assertThrows(IOException.class, () -> AtomicWrite.write(part, o -> {
            o.write("[2, 3".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", stopped.getMessage());
        assertEquals("[1]", Files.readString(part));
        assertEquals(Set.of("study.json", "part-1.json"), filesIn(folder.dir()));

        // what a JVM killed between creating and renaming its temporary file leaves; the next open removes it
        Files.writeString(folder.dir().resolve(".part-2.json.8127.tmp"), "[");
        Files.writeString(folder.dir().resolve("notes.tmp"), "not ours");
        StudyFolder.open(folder.dir());
        assertEquals(Set.of("study.json", "part-1.json", "notes.tmp"), filesIn(folder.dir()));
    }

    @Test
    void aBrokenStudyRecordIsOneClearError() throws IOException {
        StudyFolder folder = newStudy(T0, List.of());
        Files.writeString(folder.dir().resolve(StudyFolder.MANIFEST), "{\"format\": 1, \"parts\": [");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudyFolder.open(folder.dir()));
        assertTrue(e.getMessage().startsWith(folder.dir().resolve("study.json") + ": not a study record"),
                e.getMessage());
        Files.writeString(folder.dir().resolve(StudyFolder.MANIFEST), "{\"format\": 2, \"parts\": []}");
        assertThrows(IllegalArgumentException.class, () -> StudyFolder.latestUnfinished(results));
    }

    @Test
    void remainingTimeIsTheMeanOfTheFinishedPartsTimesThePartsLeft() {
        assertEquals("5 parts left, this one included; a time estimate once a part has finished",
                StandardStudy.remaining(List.of(), 5));
        // (2 + 4) / 2 = 3 min per part, 3 parts: 9 min
        assertEquals("3 parts left, this one included; about 9 min left at the 3.0 min per part so far",
                StandardStudy.remaining(List.of(2.0, 4.0), 3));
        // 50 min per part, 2 parts: 100 min
        assertEquals("2 parts left, this one included; about 1 h 40 min left at the 50.0 min per part so far",
                StandardStudy.remaining(List.of(50.0), 2));
        assertEquals("the last part; about 2 min left at the 1.5 min per part so far",
                StandardStudy.remaining(List.of(1.0, 2.0), 1));
    }

    @Test
    void aPartialStudyGoesThroughReport() throws IOException {
        StudyFolder folder = newStudy(T0, List.of());
        Scripted runner = new Scripted();
        runner.folder = folder;
        StandardStudy.run(folder, runner, out);
        Path plots = results.resolve("plots");
        System.setProperty("java.awt.headless", "true");
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            status = ReportCommand.run(new String[]{folder.dir().toString(), "--out", plots.toString()});
        } finally {
            System.setOut(stdout);
        }
        String missing = "2026-11-25T10-00-00: part 2 of 3 (epochs, CNN: EpochTime, network=cnn, trainSize=500)"
                + " is missing (failed: RunnerException: forked VM failed with exit code 134)";
        assertEquals(0, status);
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("\n" + missing + "\n"), printed.toString());
        String md = Files.readString(plots.resolve("report.md"));
        assertTrue(md.contains("\n- " + missing + "\n"), md);
        // the finished parts' results are in it: both fixtures' files, kernels and epochs
        assertTrue(md.contains("part-1.json") && md.contains("part-3.json") && !md.contains("part-2.json"), md);
        assertTrue(md.contains("EpochTimeBenchmark") && md.contains("GradientFloor"), md);
    }

    @Test
    void theConditionsMapTimesTheGradientInPartsAtEveryBatchSizeAndOverlap() {
        for (StudyPart kernels : StandardStudy.CONDITIONS.stream().filter(p -> p.include().contains("PartGradients")).toList()) {
            assertEquals("64,256,1024", kernels.params().get("batchSize"));
            assertEquals("0.1,0.25", kernels.params().get("overlap"));
            assertTrue(kernels.include().contains("GradientFloor"), kernels.include());
        }
        assertEquals(2, StandardStudy.CONDITIONS.stream().filter(p -> p.include().contains("PartGradients")).count());
    }

    @Test
    void theMlpsWarmUpIsCountedInSteps() {
        // 8,000 images: 125, 31 and 7 steps an epoch; 500 steps at least, 8 epochs at least
        assertEquals(8, StandardStudy.mlpWarmups(64));
        assertEquals(17, StandardStudy.mlpWarmups(256));
        assertEquals(72, StandardStudy.mlpWarmups(1024));
        assertEquals(8000, org.sqnbench.data.MnistReader.embedded().train().size());
        for (StudyPart part : StandardStudy.CONDITIONS) {
            if (part.include().equals("EpochTime") && "mlp".equals(part.params().get("network"))) {
                int batch = Integer.parseInt(part.params().get("batchSize"));
                assertEquals(StandardStudy.mlpWarmups(batch), part.warmups(), part.title());
            }
        }
        // the standard study's MLP epochs (batch 64) too; the CNN's keep EpochTime's own 2
        for (StudyPart part : StandardStudy.PARTS) {
            if (part.include().equals("EpochTime")) {
                assertEquals("mlp".equals(part.params().get("network")) ? Integer.valueOf(8) : null, part.warmups(),
                        part.title());
            }
        }
    }

    /**
     * The map's per-epoch times run in blocks as the standard study's: each part holds one seed; for each network
     * (and, on the MLP, each batch size) the seeds come in order, and every seed's block runs the same settings.
     */
    @Test
    void theMapsEpochTimesRunInOneBlockPerReplicate() {
        for (String network : List.of("mlp", "cnn")) {
            List<StudyPart> epochs = StandardStudy.CONDITIONS.stream()
                    .filter(p -> p.include().equals("EpochTime") && network.equals(p.params().get("network"))).toList();
            int perBlock = network.equals("mlp") ? 2 : 3;
            int blocks = epochs.size() / perBlock;
            assertEquals((network.equals("mlp") ? 3 : 1) * StandardStudy.STANDARD_REPLICATES, blocks);
            for (int b = 0; b < blocks; b++) {
                int seed = b % StandardStudy.STANDARD_REPLICATES + 1;
                for (int j = 0; j < perBlock; j++) {
                    StudyPart part = epochs.get(b * perBlock + j);
                    assertEquals("" + seed, part.params().get("seed"), part.title());
                    // the same settings as the first block's part in this place, but for the seed
                    Map<String, String> same = new java.util.TreeMap<>(part.params());
                    Map<String, String> first = new java.util.TreeMap<>(
                            epochs.get((b - seed + 1) * perBlock + j).params());
                    same.remove("seed");
                    first.remove("seed");
                    assertEquals(first, same, part.title());
                }
            }
            // every method at every batch size of the grid
            assertEquals("sgd,momentum,adam,sgd-bb", epochs.get(0).params().get("optimizer"));
            assertEquals("mb-lbfgs", epochs.get(1).params().get("optimizer"));
        }
    }

    @Test
    void aPartsForkCountReachesJmhUnlessTheStudyGivesOne() {
        StudyPart part = new StudyPart("kernels", "Update", Map.of("network", "mlp"), true, null, null, 3);
        assertEquals(3, JmhPart.options(part, List.of()).getForkCount().get());
        assertEquals(1, JmhPart.options(part, List.of("-f", "1")).getForkCount().get());
    }

    @Test
    void aPartsCommaSeparatedValuesAndEpochCountsReachJmh() {
        StudyPart part = new StudyPart("grid", "EpochTime", Map.of("batchSize", "64,256", "network", "mlp"), false, 1, 2);
        var options = JmhPart.options(part, List.of());
        assertEquals(List.of("64", "256"), List.copyOf(options.getParameter("batchSize").get()));
        assertEquals(1, options.getWarmupIterations().get());
        assertEquals(2, options.getMeasurementIterations().get());
        // the study's own options win over the part's
        var given = JmhPart.options(part, List.of("-wi", "3"));
        assertEquals(3, given.getWarmupIterations().get());
        assertEquals(2, given.getMeasurementIterations().get());
    }

    @Test
    void everyConditionsPartNamesOnlyParametersItsBenchmarksHave() {
        for (StudyPart part : StandardStudy.CONDITIONS) {
            String[] args = paramArgs(part).toArray(String[]::new);
            Params.validate(JmhPart.parse(List.of(args)));
            Params.checkNames(args, JmhPart.parse(List.of(args)));
            // a name no benchmark has is refused: so the include pattern did select the part's benchmarks
            List<String> bogus = new ArrayList<>(List.of(args));
            bogus.addAll(List.of("-p", "bogus=1"));
            assertThrows(IllegalArgumentException.class,
                    () -> Params.checkNames(bogus.toArray(String[]::new), JmhPart.parse(bogus)), part.title());
        }
    }

    private static List<String> paramArgs(StudyPart part) {
        List<String> args = new java.util.ArrayList<>(List.of("\\.(" + part.include() + ")Benchmark\\."));
        part.params().forEach((k, v) -> args.addAll(List.of("-p", k + "=" + v)));
        return args;
    }

    @Test
    void studyOptionsAreOptionsOnly() {
        StandardStudy.checkOptions(List.of("-f", "1", "-wi", "0", "-i", "1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StandardStudy.checkOptions(List.of("EpochTime")))
                .getMessage().contains("not benchmark patterns"));
        // the conditions map names itself
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StandardStudy.checkOptions("conditions", List.of("EpochTime"))).getMessage()
                .startsWith("conditions takes JMH options"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> StandardStudy.checkOptions(List.of("-rf", "csv"))).getMessage().contains("-rf"));
        assertThrows(IllegalArgumentException.class, () -> StandardStudy.checkOptions(List.of("-p", "network=rnn")));
        // a parameter no benchmark has would start the whole study with the name ignored
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StandardStudy.checkOptions(List.of("-p", "x=1")))
                .getMessage().startsWith("-p x: no selected benchmark has this parameter"));
        StandardStudy.checkOptions(List.of("-p", "threads=1", "-prof", "gc"));
        assertThrows(IllegalArgumentException.class, () -> StandardStudy.checkOptions(List.of("-f", "x")));
    }

    @Test
    void jmhPartKeepsWhatFinishedAndNamesWhatFailed() throws RunnerException {
        // in this JVM: the calibration kernel runs; GradientFloor's setup throws on the unknown network
        StudyPart part = new StudyPart("two kernels", "Calibration|GradientFloor", Map.of("network", "rnn"), false);
        PartRunner.Outcome outcome = new JmhPart().run(part,
                List.of("-f", "0", "-wi", "0", "-i", "1", "-r", "100ms", "-p", "threads=1"));
        var json = JsonParser.parseString(outcome.json()).getAsJsonArray();
        assertEquals(1, json.size());
        assertEquals("org.sqnbench.bench.CalibrationBenchmark.sgemm",
                json.get(0).getAsJsonObject().get("benchmark").getAsString());
        assertEquals(List.of("GradientFloorBenchmark.gradient {batchSize=64, network=rnn, threads=1}"),
                outcome.failures());
    }

    @Test
    void jmhPartRecordsAForkThatDies() throws RunnerException {
        // a forked JVM that cannot start exits at once with a non-zero status, as a crashed fork does
        StudyPart part = new StudyPart("calibration", "Calibration", Map.of(), false);
        PartRunner.Outcome outcome = new JmhPart().run(part,
                List.of("-f", "1", "-wi", "0", "-i", "1", "-jvmArgsAppend", "-XX:+NoSuchFlagInThisJvm"));
        assertEquals(null, outcome.json());
        assertEquals(List.of("CalibrationBenchmark.sgemm {threads=1}"), outcome.failures());
    }

    /**
     * The standard study's per-epoch times run replicate by replicate: each epoch part holds one seed, and for each
     * network the seeds come in order, each as every method's one-pass epochs followed by MB-LBFGS's n/batch-step
     * epochs, so no method's forks all run before another's.
     */
    @Test
    void epochTimesRunInOneBlockPerReplicate() {
        List<StudyPart> epochs = StandardStudy.PARTS.stream().filter(p -> p.include().equals("EpochTime")).toList();
        assertEquals(2 * 2 * StandardStudy.STANDARD_REPLICATES, epochs.size());
        int i = 0;
        for (String network : List.of("mlp", "cnn")) {
            for (int seed = 1; seed <= StandardStudy.STANDARD_REPLICATES; seed++) {
                StudyPart pass = epochs.get(i++);
                StudyPart steps = epochs.get(i++);
                for (StudyPart p : List.of(pass, steps)) {
                    assertEquals(network, p.params().get("network"), p.title());
                    assertEquals("" + seed, p.params().get("seed"), p.title());
                }
                assertTrue(!pass.params().containsKey("optimizer") && !pass.params().containsKey("epochForm"),
                        "every method, default epoch form: " + pass.params());
                assertEquals(Map.of("optimizer", "mb-lbfgs", "epochForm", "iterations"),
                        Map.of("optimizer", steps.params().get("optimizer"), "epochForm",
                                steps.params().get("epochForm")));
            }
        }
        // the blocks come after the convergence runs and the kernels
        assertEquals(StandardStudy.PARTS.size() - epochs.size(), StandardStudy.PARTS.indexOf(epochs.get(0)));
    }
}
