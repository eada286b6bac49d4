package org.sqnbench.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.sqnbench.bench.StudyFolder.PartState;
import org.sqnbench.bench.StudyFolder.Status;
import org.sqnbench.data.MnistReader;
import org.sqnbench.study.ConditionsGrid;
import org.sqnbench.study.Method;

/**
 * What {@code java -jar benchmarks.jar} runs with no arguments: every benchmark class on both networks and all five
 * optimizers, in parts whose settings differ. The CNN trains on the first 5,000 synthetic images, which keeps the
 * whole study near 30 minutes on 2 cores (measured: 30.5 on 2026-12-06, in replicate blocks with the MLP's 8
 * warm-up epochs); the README gives the full-size command.
 *
 * <p>Each part's results are kept as soon as it finishes, in the study's folder under jmh-results/
 * ({@link StudyFolder}); a part that fails is recorded and the study goes on; {@link #resume} runs the parts a
 * stopped or failed study is missing.
 */
public final class StandardStudy {
    /** CNN training samples in the standard study (of 10,000 synthetic). */
    public static final int CNN_TRAIN_SIZE = 5_000;

    /**
     * The 15-epoch convergence runs come first: they are the longest parts, and their accuracies do not depend on a
     * quiet machine while the timing parts do, so a study can be stopped after them and resumed when the machine is
     * quiet. The per-epoch times run one replicate (seed) at a time, every method's fork of that seed in one block
     * ({@link #epochBlocks}).
     */
    static final List<StudyPart> PARTS = standard();

    /** The standard study's replicates of each per-epoch time: EpochTime's seeds. */
    static final int STANDARD_REPLICATES = 5;

    private static List<StudyPart> standard() {
        List<StudyPart> parts = new ArrayList<>(List.of(
                new StudyPart("15-epoch convergence, MLP", "Convergence", Map.of("network", "mlp"), false),
                new StudyPart("15-epoch convergence, CNN", "Convergence",
                        Map.of("network", "cnn", "trainSize", "" + CNN_TRAIN_SIZE), false),
                new StudyPart("hot kernels and bandwidth",
                        "OverlapGradient|PartGradients|InverseHessian|MbLbfgsStep|BbStep|MemoryBandwidth", Map.of(),
                        true),
                new StudyPart("compute roofline: gradients and sgemm at 1 and 2 threads", "GradientFloor|Calibration",
                        Map.of("threads", "1,2"), true)));
        parts.addAll(epochBlocks("MLP", Map.of("network", "mlp"), mlpWarmups(STANDARD_BATCH)));
        parts.addAll(epochBlocks("CNN", Map.of("network", "cnn", "trainSize", "" + CNN_TRAIN_SIZE), null));
        return List.copyOf(parts);
    }

    /**
     * One network's per-epoch times as blocks, one per replicate: seed s of every method (one pass per epoch), then
     * seed s of MB-LBFGS's epochs of n/batch steps (the first-order methods take n/batch steps in either form). Run
     * method by method, a slow spell of the shared machine lasting minutes fell on some methods' forks only: in the
     * study of 2026-12-06 the CNN's SGD forks took 1.09–1.16 s an epoch, Momentum's first two 1.20–1.22 s and its
     * last three 1.54–1.56, and Adam's all 1.49–1.77, which made Momentum 1.26× SGD where two studies the day before
     * had 1.02 and 1.07. In blocks, such a spell falls on every method of a replicate.
     */
    static List<StudyPart> epochBlocks(String name, Map<String, String> network, Integer warmups) {
        List<StudyPart> parts = new ArrayList<>();
        for (int seed = 1; seed <= STANDARD_REPLICATES; seed++) {
            Map<String, String> replicate = merge(network, Map.of("seed", "" + seed));
            parts.add(new StudyPart("per-epoch time, " + name + ", replicate " + seed, "EpochTime", replicate, false,
                    warmups, null));
            parts.add(new StudyPart("per-epoch time, MB-LBFGS epochs of n/batch steps, " + name + ", replicate "
                    + seed, "EpochTime", merge(replicate, Map.of("optimizer", Method.Names.MB_LBFGS, "epochForm",
                    Method.ITERATIONS_EPOCH_FORM)), false, warmups, null));
        }
        return parts;
    }

    /** The standard study's batch size, EpochTime's default. */
    static final int STANDARD_BATCH = 64;

    /**
     * The MLP's least warm-up in steps, beside {@link #MLP_WARMUPS} epochs. Counted in epochs, batch 1024 (7 to 10
     * steps an epoch) had too few: the benchmarks' default 2 left times still falling (an SGD replicate: 36.7, 33.2,
     * 28.5 ms), and after 8 (80 steps) the JIT was still compiling per-step methods during the measured epochs, whose
     * third was 38–44 ms against 27–33 in every fork of the 2026-12-05 map.
     */
    static final int MLP_WARMUP_STEPS = 500;
    /**
     * The MLP's least warm-up epochs (batch 64: 8 epochs of 125 steps). With the benchmarks' default 2, the standard
     * study of the morning of 2026-12-06 still had every MLP method's last measured epoch 6.6–16.7% faster than its
     * first.
     */
    static final int MLP_WARMUPS = 8;
    /**
     * Forks of each network's kernel part in the conditions map: one fork's kernel times carry its fork's mode (the
     * MLP's batch-1024 gradient in parts read 3.9–4.2 ms in one fork, 4.3 falling to 3.4 in another; the CNN's
     * batch-64 gradient in parts read 17% to 30% slower than its batch gradient in the map of 2026-12-05, against
     * 0–11% in three runs of the two an hour later), which went straight into the cost model's prediction; three
     * forks average over them.
     */
    static final int CONDITION_KERNEL_FORKS = 3;
    /** The conditions map's kernel benchmarks: all the cost model reads, and the warm pair kernels beside the cold. */
    static final String CONDITION_KERNELS =
            "GradientFloor|PartGradients|InverseHessian|ColdPairs|MbLbfgsStep|Update|Handoff|MemoryBandwidth|Calibration";
    static final int MLP_CONDITION_MEASUREMENTS = 5;

    /**
     * The conditions map: MB-LBFGS's per-epoch time over batch size × overlap × memory × epoch form, the others'
     * at each batch size, and, in the same session, the kernels the cost model prices an epoch with (a gradient at
     * every batch size, the batch gradient with its parts apart at every batch size and overlap, the inverse-Hessian
     * product and pair update at each memory (warm and cold), MB-LBFGS's own vector work per step, the first-order
     * updates, the handoff between vector calls and the gradient, bandwidth and sgemm). The CNN trains on the
     * standard study's 5,000 images, with one warm-up and two measured epochs per replicate and memory 5 at batch 64
     * only, which keeps the map near 50 minutes on 2 cores (51 on 2026-12-06). Each network's epochs run in blocks,
     * one per replicate (the standard study's {@value #STANDARD_REPLICATES} seeds; with three, one fork in
     * three could move a batch-1024 ratio by 20%), every method of a seed together ({@link #epochBlocks} says why);
     * the MLP's also one block per batch size, whose warm-ups differ.
     */
    static final List<StudyPart> CONDITIONS = conditions();

    private static List<StudyPart> conditions() {
        String batches = join(Arrays.stream(ConditionsGrid.BATCHES).mapToObj(String::valueOf));
        String overlaps = join(Arrays.stream(ConditionsGrid.OVERLAPS).mapToObj(String::valueOf));
        String memories = join(Arrays.stream(ConditionsGrid.MEMORIES).mapToObj(String::valueOf));
        String firstOrder = join(Arrays.stream(Method.values()).filter(m -> m != Method.MB_LBFGS).map(Method::cliName));
        String forms = Method.DEFAULT_EPOCH_FORM + "," + Method.ITERATIONS_EPOCH_FORM;
        // explicit thread counts (the standard study's defaults): they also keep the map's settings apart from the
        // standard study's threads=0 ones when one report reads both, so no ratio mixes the two sessions
        Map<String, String> mlp = Map.of("network", "mlp", "threads", "1");
        Map<String, String> cnn = Map.of("network", "cnn", "threads", "2", "trainSize", "" + CNN_TRAIN_SIZE);
        Map<String, String> kernels = Map.of("batchSize", batches, "overlap", overlaps, "memory", memories,
                "form", "compact");
        Map<String, String> mbGrid = Map.of("optimizer", Method.Names.MB_LBFGS, "overlap", overlaps,
                "epochForm", forms);
        List<StudyPart> parts = new ArrayList<>();
        // bandwidth and sgemm at the thread count of each network's part
        parts.add(new StudyPart("conditions: kernels, bandwidth and sgemm, MLP (1 thread)",
                CONDITION_KERNELS,
                merge(kernels, mlp), true, null, null, CONDITION_KERNEL_FORKS));
        // one block per batch size and replicate (the warm-up is counted in steps, so it differs by batch size)
        for (int batch : ConditionsGrid.BATCHES) {
            int warmups = mlpWarmups(batch);
            for (int seed = 1; seed <= STANDARD_REPLICATES; seed++) {
                String block = "MLP, batch " + batch + ", replicate " + seed;
                Map<String, String> replicate = merge(mlp, Map.of("batchSize", "" + batch, "seed", "" + seed));
                parts.add(new StudyPart("conditions: per-epoch time, first-order methods, " + block, "EpochTime",
                        merge(replicate, Map.of("optimizer", firstOrder)), false, warmups,
                        MLP_CONDITION_MEASUREMENTS));
                parts.add(new StudyPart("conditions: per-epoch time, MB-LBFGS, " + block, "EpochTime",
                        merge(replicate, merge(mbGrid, Map.of("memory", memories))), false, warmups,
                        MLP_CONDITION_MEASUREMENTS));
            }
        }
        parts.add(new StudyPart("conditions: kernels, bandwidth and sgemm, CNN (2 threads)",
                CONDITION_KERNELS,
                merge(kernels, Map.of("network", "cnn", "threads", "2")), true, null, null, CONDITION_KERNEL_FORKS));
        for (int seed = 1; seed <= STANDARD_REPLICATES; seed++) {
            String block = "CNN, replicate " + seed;
            Map<String, String> replicate = merge(cnn, Map.of("seed", "" + seed));
            parts.add(new StudyPart("conditions: per-epoch time, first-order methods, " + block, "EpochTime",
                    merge(replicate, Map.of("optimizer", firstOrder, "batchSize", batches)), false, 1, 2));
            parts.add(new StudyPart("conditions: per-epoch time, MB-LBFGS m=10, " + block, "EpochTime",
                    merge(replicate, merge(mbGrid, Map.of("batchSize", batches, "memory",
                            "" + Method.DEFAULT_MEMORY))), false, 1, 2));
            parts.add(new StudyPart("conditions: per-epoch time, MB-LBFGS m=5 at batch 64, " + block, "EpochTime",
                    merge(replicate, merge(mbGrid, Map.of("batchSize", "64", "memory", "5"))), false, 1, 2));
        }
        return List.copyOf(parts);
    }

    /** Warm-up epochs of the MLP's batch-{@code batch} settings: {@link #MLP_WARMUP_STEPS} steps at least. */
    static int mlpWarmups(int batch) {
        int stepsPerEpoch = Math.max(1, MnistReader.EMBEDDED_TRAIN_SIZE / batch);
        return Math.max(MLP_WARMUPS, -Math.floorDiv(-MLP_WARMUP_STEPS, stepsPerEpoch));
    }

    private static String join(java.util.stream.Stream<String> values) {
        return values.collect(Collectors.joining(","));
    }

    private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new TreeMap<>(a);
        m.putAll(b);
        return m;
    }

    /** Runs one part: JMH in the study ({@link JmhPart}), a stand-in in tests. */
    interface PartRunner {
        /**
         * @param json     the part's results as JMH JSON, or null when no benchmark finished
         * @param failures one line per benchmark that failed; empty when the part is done
         */
        record Outcome(String json, List<String> failures) {
        }

        Outcome run(StudyPart part, List<String> jmhOptions) throws Exception;

        /** Called from the shutdown hook: start nothing more. */
        default void stop() {
        }
    }

    /**
     * Where a run of the study left it.
     *
     * @param failed     one line per part that is not done, naming what failed in it
     * @param hasResults whether any part left results (a failed part can leave those of its other benchmarks)
     * @param stopped    stopped by a signal: the JVM is on its way out, and the shutdown hook has said so
     */
    public record Summary(Path folder, int done, int parts, List<String> failed, boolean hasResults,
                          boolean stopped) {
    }

    private StandardStudy() {
    }

    /**
     * Checks the JMH options given to {@code study}: options only (the parts choose the benchmarks and the study
     * writes the results), each of them valid, so that a typo ends before the first part starts.
     */
    public static void checkOptions(List<String> jmhOptions) {
        checkOptions("study", jmhOptions);
    }

    /** {@link #checkOptions(List)} for {@code command} ("study" or "conditions"), which the messages name. */
    static void checkOptions(String command, List<String> jmhOptions) {
        CommandLineOptions cli = JmhPart.parse(jmhOptions);
        if (!cli.getIncludes().isEmpty() || !cli.getExcludes().isEmpty()) {
            throw new IllegalArgumentException(command + " takes JMH options, not benchmark patterns (got "
                    + String.join(" ", cli.getIncludes()) + String.join(" ", cli.getExcludes()) + ")");
        }
        if (cli.getResult().hasValue() || cli.getResultFormat().hasValue()) {
            throw new IllegalArgumentException(command + " writes its results into jmh-results/ itself; drop -rf/-rff");
        }
        Params.validate(cli);
        // no include pattern: a name is refused only if no benchmark of the jar has it
        Params.checkNames(jmhOptions.toArray(String[]::new), cli);
    }

    /** Starts a new standard study in a fresh folder under {@code results} and runs every part. */
    public static Summary start(Path results, List<String> jmhOptions) throws IOException {
        return start(results, "", PARTS, jmhOptions);
    }

    /** Starts the conditions map in a fresh folder under {@code results} ("...-conditions") and runs every part. */
    public static Summary startConditions(Path results, List<String> jmhOptions) throws IOException {
        return start(results, "conditions", CONDITIONS, jmhOptions);
    }

    private static Summary start(Path results, String kind, List<StudyPart> parts, List<String> jmhOptions)
            throws IOException {
        checkOptions(kind.isEmpty() ? "study" : kind, jmhOptions);
        StudyFolder folder = StudyFolder.create(results, kind, parts, jmhOptions, LocalDateTime.now().withNano(0));
        System.out.println("Study folder: " + folder.dir() + (jmhOptions.isEmpty() ? ""
                : " (JMH options added to every part: " + String.join(" ", jmhOptions) + ")"));
        return run(folder, new JmhPart(), System.out);
    }

    /** Runs the parts the most recent unfinished study is missing, with its own settings; empty if there is none. */
    public static Optional<Summary> resume(Path results) throws IOException {
        Optional<StudyFolder> folder = StudyFolder.latestUnfinished(results);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        describeResume(folder.get(), System.out);
        return Optional.of(run(folder.get(), new JmhPart(), System.out));
    }

    /** Says which parts a resume skips and which it runs. */
    static void describeResume(StudyFolder folder, PrintStream out) {
        List<String> options = folder.jmhOptions();
        out.println("Resuming the study in " + folder.dir() + " with the settings in its " + StudyFolder.MANIFEST
                + (options.isEmpty() ? "" : " (JMH options added to every part: " + String.join(" ", options) + ")"));
        List<PartState> parts = folder.parts();
        for (int i = 0; i < parts.size(); i++) {
            PartState p = parts.get(i);
            out.printf("  %s %s: %s%n", p.status() == Status.DONE ? "skipping" : "running ", name(i, parts.size(), p),
                    switch (p.status()) {
                        case DONE -> "done";
                        case FAILED -> "failed before";
                        case NOT_RUN -> "not run or not finished";
                    });
        }
    }

    /**
     * Runs every part of {@code folder} that is not done, recording each as it ends. A JVM stopped by a signal
     * (SIGTERM, Ctrl-C) stops JMH's forked JVMs, which JMH itself would leave running, records nothing of the part
     * it cut short, and removes any half-written file; a JVM killed outright (SIGKILL) leaves at most a temporary
     * file, which the next resume removes.
     */
    static Summary run(StudyFolder folder, PartRunner runner, PrintStream out) throws IOException {
        List<Integer> toRun = folder.missing();
        // held while a part is recorded, so that a signal waits for that write instead of cutting it in half
        AtomicBoolean stopping = new AtomicBoolean();
        Thread onSignal = new Thread(() -> stop(folder, runner, stopping, out), "sqnbench-study-stop");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            for (int n = 0; n < toRun.size() && !stopping.get(); n++) {
                int i = toRun.get(n);
                PartState state = folder.parts().get(i);
                out.printf("%n# sqnbench study %s, %s%n# %s%n", folder.dir().getFileName(),
                        name(i, folder.parts().size(), state),
                        remaining(finishedMinutes(folder), toRun.size() - n));
                long t0 = System.nanoTime();
                PartRunner.Outcome outcome;
                try {
                    outcome = runner.run(state.part(), folder.jmhOptions());
                } catch (Exception e) {
                    outcome = new PartRunner.Outcome(null, List.of(e.getClass().getSimpleName() + ": "
                            + (e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse(""))));
                }
                double minutes = (System.nanoTime() - t0) / 60e9;
                List<String> failures = outcome.json() == null && outcome.failures().isEmpty()
                        ? List.of("no benchmark finished") : outcome.failures();
                synchronized (stopping) {
                    if (stopping.get()) {
                        break;
                    }
                    folder.record(i, outcome.json(), minutes, failures);
                }
                if (!failures.isEmpty()) {
                    out.println("# FAILED: " + name(i, folder.parts().size(), state) + ": " + failureText(failures)
                            + "; the study goes on");
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException e) {
                // the JVM is shutting down and the hook is running
            }
        }
        return summary(folder, stopping.get(), out);
    }

    private static Summary summary(StudyFolder folder, boolean stopped, PrintStream out) {
        List<PartState> parts = folder.parts();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            PartState p = parts.get(i);
            if (p.status() != Status.DONE) {
                failed.add(name(i, parts.size(), p) + " (" + p.part().settings() + "): "
                        + (p.failures().isEmpty() ? "not run" : failureText(p.failures())));
            }
        }
        int done = parts.size() - failed.size();
        boolean hasResults = parts.stream().anyMatch(p -> p.file() != null);
        if (stopped) {
            return new Summary(folder.dir(), done, parts.size(), failed, hasResults, true);
        }
        out.printf("%nStudy in %s: %d of %d parts done.%n", folder.dir(), done, parts.size());
        if (!failed.isEmpty()) {
            out.println("Failed:");
            failed.forEach(f -> out.println("  " + f));
            out.println("'java -jar benchmarks.jar resume' runs the failed parts again.");
        }
        return new Summary(folder.dir(), done, parts.size(), failed, hasResults, false);
    }

    /** What a study stopped by a signal does on its way out. */
    private static void stop(StudyFolder folder, PartRunner runner, AtomicBoolean stopping, PrintStream out) {
        synchronized (stopping) {
            stopping.set(true);
        }
        runner.stop();
        // twice: JMH may have been starting a fork while the first ones were stopped
        stopForks();
        stopForks();
        folder.removeLeftovers();
        long done = folder.parts().stream().filter(p -> p.status() == Status.DONE).count();
        out.printf("%nsqnbench: study stopped; %d of %d parts are done and kept in %s. "
                + "'java -jar benchmarks.jar resume' runs the rest.%n", done, folder.parts().size(), folder.dir());
        out.flush();
    }

    /** Stops the JVMs this one started (JMH's forks); on SIGTERM each runs JMH's hangup hook and exits. */
    private static void stopForks() {
        List<ProcessHandle> forks = ProcessHandle.current().children().toList();
        forks.forEach(ProcessHandle::destroy);
        for (ProcessHandle fork : forks) {
            try {
                fork.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                fork.destroyForcibly();
            }
        }
    }

    private static List<Double> finishedMinutes(StudyFolder folder) {
        return folder.parts().stream().filter(p -> p.status() == Status.DONE).map(PartState::minutes).toList();
    }

    /**
     * "3 parts left, this one included; about 12 min left at the 4.0 min per part so far". The parts differ in
     * length, so the estimate from their mean is rough until most of them have run.
     */
    static String remaining(List<Double> finishedMinutes, int partsLeft) {
        String left = partsLeft == 1 ? "the last part" : partsLeft + " parts left, this one included";
        if (finishedMinutes.isEmpty()) {
            return left + "; a time estimate once a part has finished";
        }
        double mean = finishedMinutes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return String.format(Locale.ROOT, "%s; about %s left at the %.1f min per part so far", left,
                minutes(mean * partsLeft), mean);
    }

    private static String minutes(double m) {
        Duration d = Duration.ofSeconds(Math.round(m * 60));
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%d h %02d min", d.toHours(), d.toMinutesPart())
                : String.format(Locale.ROOT, "%d min", Math.max(1, Math.round(m)));
    }

    /** "3 failed: A; B; C", or the one failure. */
    private static String failureText(List<String> failures) {
        return (failures.size() > 1 ? failures.size() + " failed: " : "") + String.join("; ", failures);
    }

    private static String name(int index, int count, PartState p) {
        return "part " + (index + 1) + " of " + count + ", " + p.part().title();
    }
}
