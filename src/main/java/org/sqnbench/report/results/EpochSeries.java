package org.sqnbench.report.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sqnbench.study.Method;

/**
 * All measured epochs of one optimizer configuration in one {@link Setting}, run by run (fork by fork, seed by seed).
 * Each run is one forked JVM and is the independent replicate of per-epoch time ({@link #replicateTimes()}).
 */
public record EpochSeries(Key key, List<EpochRun> runs) {
    /**
     * What identifies a series. MB-LBFGS's own parameters (memory, overlap, overlapGradient) are blank for the
     * other optimizers, which ignore them, so their runs at several memory values pool into one series.
     *
     * @param benchmarkClass EpochTimeBenchmark or ConvergenceBenchmark
     * @param learningRate   "0" for the per-optimizer default
     * @param options        the method's other options where they are not the study's defaults, e.g.
     *                       "curvature=skip" (MB-LBFGS's curvature safeguard, SGD-BB's smoothing and cap); empty
     *                       for the defaults and in results from before these options existed
     * @param epochForm      MB-LBFGS's epoch: "pass" (also for results from before the option existed) or
     *                       "iterations"; blank for the others, whose epoch is n/batch steps either way
     */
    public record Key(String benchmarkClass, Setting setting, String optimizer, String learningRate, String memory,
                      String overlap, String overlapGradient, String options, String epochForm) {
        static Key of(JmhResult r) {
            String optimizer = Setting.orEmpty(r.param("optimizer"));
            boolean mb = optimizer.equals(Method.MB_LBFGS.cliName());
            List<String> options = new ArrayList<>();
            if (mb) {
                option(r, "curvature", Method.DEFAULT_CURVATURE, options);
                option(r, "curvatureEpsilon", "0", options);
            } else if (optimizer.equals(Method.SGD_BB.cliName())) {
                option(r, "bbSmoothing", Method.DEFAULT_BB_SMOOTHING, options);
                option(r, "bbMaxStep", "0", options);
            }
            return new Key(r.benchmarkClass(), Setting.of(r), optimizer, Setting.orEmpty(r.param("learningRate")),
                    mb ? Setting.orEmpty(r.param("memory")) : "", mb ? Setting.orEmpty(r.param("overlap")) : "",
                    mb ? Setting.orEmpty(r.param("overlapGradient")) : "", String.join(" ", options),
                    mb ? Objects.requireNonNullElse(r.param("epochForm"), Method.DEFAULT_EPOCH_FORM) : "");
        }

        /** Adds "name=value" when the result has the parameter at another value than its default. */
        private static void option(JmhResult r, String name, String defaultValue, List<String> out) {
            String v = r.param(name);
            boolean isDefault = v == null || v.equals(defaultValue)
                    || defaultValue.equals("0") && v.matches("0(\\.0*)?");
            if (!isDefault) {
                out.add(name + "=" + v);
            }
        }
    }

    public EpochSeries {
        runs = List.copyOf(runs);
    }

    public String optimizer() {
        return key.optimizer();
    }

    /** The study's method this series ran, if its optimizer is one of them. */
    public Optional<Method> method() {
        return Method.find(optimizer());
    }

    public boolean is(Method m) {
        return optimizer().equals(m.cliName());
    }

    public boolean isMbLbfgs() {
        return is(Method.MB_LBFGS);
    }

    /**
     * Whether the series ran with the study's default hyperparameters: the default step and, for MB-LBFGS, the
     * default memory and overlap gradients.
     */
    public boolean hasDefaults() {
        return (key.learningRate().isEmpty() || key.learningRate().matches("0(\\.0*)?"))
                && (key.memory().isEmpty() || key.memory().equals(String.valueOf(Method.DEFAULT_MEMORY)))
                && (key.overlapGradient().isEmpty() || key.overlapGradient().equals(Method.DEFAULT_OVERLAP_GRADIENT))
                && key.options().isEmpty() && !iterationsForm();
    }

    /** e.g. "SGD", "MB-LBFGS m=10", "Adam η=0.01"; MB-LBFGS's overlap details only when not the defaults. */
    public String label() {
        StringBuilder s = new StringBuilder(method().map(Method::displayName).orElse(optimizer()));
        if (isMbLbfgs()) {
            s.append(" m=").append(key.memory());
            if (!key.overlap().isEmpty() && !key.overlap().equals(String.valueOf(Method.DEFAULT_OVERLAP))) {
                s.append(" r=").append(key.overlap());
            }
            if (!key.overlapGradient().isEmpty() && !key.overlapGradient().equals(Method.DEFAULT_OVERLAP_GRADIENT)) {
                s.append(' ').append(key.overlapGradient());
            }
        }
        if (iterationsForm()) {
            s.append(" n/b-step epochs");
        }
        if (!key.options().isEmpty()) {
            s.append(' ').append(key.options());
        }
        if (!key.learningRate().isEmpty() && !key.learningRate().matches("0(\\.0*)?")) {
            s.append(" η=").append(key.learningRate());
        }
        return s.toString();
    }

    /** Whether MB-LBFGS ran epochs of n/batch steps ({@code epochForm=iterations}) rather than one pass. */
    public boolean iterationsForm() {
        return key.epochForm().equals(Method.ITERATIONS_EPOCH_FORM);
    }

    /** Position of the series' optimizer in the study's order (unknown names last). */
    public int rank() {
        return method().map(Enum::ordinal).orElse(Method.values().length);
    }

    /**
     * Per-epoch times of every epoch that is a result, fork after fork. Epochs of one fork are repeated measures of
     * one JVM, not independent draws: no interval may be computed from these; use {@link #replicateTimes()}.
     */
    public double[] times() {
        return concat(r -> r.valid(r.timeMs()));
    }

    /**
     * The independent replicates of the per-epoch time: for each run (one forked JVM with its own seed) the mean of
     * its measured epochs that are results. A run with no such epoch contributes nothing. Intervals and ratios of
     * per-epoch time are computed over these values, so that their n is the number of JVMs, not of epochs.
     */
    public double[] replicateTimes() {
        return runs.stream().map(r -> r.valid(r.timeMs())).filter(t -> t.length > 0)
                .mapToDouble(t -> Arrays.stream(t).average().orElseThrow()).toArray();
    }

    /** How many runs contribute a replicate: the n of every per-epoch-time interval. */
    public int replicates() {
        return replicateTimes().length;
    }

    /**
     * The trend of the repeated measures within a replicate: the mean over runs with at least two valid measured
     * epochs of (last − first valid epoch time), ms; NaN when no run has two. JIT warm-up left over shows as a
     * negative trend, MB-LBFGS's memory filling up as a positive one.
     */
    public double withinReplicateTrendMs() {
        return runs.stream().map(r -> r.valid(r.timeMs())).filter(t -> t.length >= 2)
                .mapToDouble(t -> t[t.length - 1] - t[0]).average().orElse(Double.NaN);
    }

    /** The per-epoch time the report prints: the mean of the replicate means, ms (NaN without a replicate). */
    public double meanReplicateTime() {
        return mean(replicateTimes());
    }

    public int epochs() {
        return runs.stream().mapToInt(EpochRun::epochs).sum();
    }

    public int divergedEpochs() {
        return epochs() - times().length;
    }

    /** Whether no epoch at all is a result. */
    public boolean allDiverged() {
        return times().length == 0;
    }

    /** Epochs every run completed without diverging: the length of any mean over the runs. */
    public int commonEpochs() {
        return runs.isEmpty() ? 0 : runs.stream().mapToInt(r -> r.valid(r.timeMs()).length).min().orElse(0);
    }

    /**
     * Mean, min and max of a per-epoch metric over the runs (seeds or forks), epoch by epoch, up to the first epoch at
     * which any run diverged or has no finite value; values {@code scale}d first (100 for percent).
     */
    public Curve curve(Function<EpochRun, double[]> metric, double scale) {
        int n = runs.isEmpty() ? 0 : Integer.MAX_VALUE;
        for (EpochRun r : runs) {
            double[] v = r.valid(metric.apply(r));
            int finite = 0;
            while (finite < v.length && Double.isFinite(v[finite])) {
                finite++;
            }
            n = Math.min(n, finite);
        }
        double[] mean = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (EpochRun r : runs) {
                double v = metric.apply(r)[i] * scale;
                sum += v;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            mean[i] = sum / runs.size();
            min[i] = lo;
            max[i] = hi;
        }
        return new Curve(mean, min, max);
    }

    /** Per epoch, the mean, min and max over a series' runs (see {@link #curve}). */
    public record Curve(double[] mean, double[] min, double[] max) {
        public int length() {
            return mean.length;
        }
    }

    /** e.g. "seed 2 diverged at epoch 5"; empty when nothing diverged. Epochs are 1-based here, as in the charts. */
    public String divergenceNote() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            EpochRun r = runs.get(i);
            if (r.firstDiverged() >= 0) {
                String who = distinctSeeds() > 1 ? "seed " + r.seed() : "fork " + (i + 1);
                parts.add(who + " diverged at measured epoch " + (r.firstDiverged() + 1));
            }
        }
        return String.join(", ", parts);
    }

    private long distinctSeeds() {
        return runs.stream().mapToLong(EpochRun::seed).distinct().count();
    }

    /** Mean sample-gradients per epoch over the epochs that are results (NaN if not recorded). */
    public double sampleGradients() {
        return mean(concat(r -> r.valid(r.sampleGradients())));
    }

    /** Mean curvature pairs skipped per epoch (MB-LBFGS). */
    public double skippedPairs() {
        return mean(concat(r -> r.valid(r.skippedPairs())));
    }

    /** Mean curvature pairs MB-LBFGS held at its products, over the epochs that are results (NaN if not recorded). */
    public double pairsHeld() {
        return mean(concat(r -> r.valid(r.pairsHeld())));
    }

    /** The thread counts the runs reported (the {@code threads} aux metric). */
    public SortedSet<Integer> threadsUsed() {
        SortedSet<Integer> t = new TreeSet<>();
        for (EpochRun r : runs) {
            Arrays.stream(r.threads()).filter(Double::isFinite).forEach(v -> t.add((int) v));
        }
        return t;
    }

    /** MB-LBFGS's overlap l = round(r·batch), as the optimizer computes it; 0 for the others. */
    public int overlapSize() {
        if (!isMbLbfgs() || key.overlap().isEmpty()) {
            return 0;
        }
        try {
            return (int) Math.round(Double.parseDouble(key.overlap()) * key.setting().batchSize());
        } catch (NumberFormatException e) {
            throw new BadInputException("MB-LBFGS result with overlap='" + key.overlap() + "', not a number");
        }
    }

    /**
     * Optimizer steps per epoch, from the sample-gradient count: b per step, and for MB-LBFGS in 'recompute' mode
     * 2l more on every step but the last, so g = b·k + 2l·(k − 1).
     */
    public double iterationsPerEpoch() {
        double g = sampleGradients();
        int b = key.setting().batchSize();
        int l = overlapSize();
        if (isMbLbfgs() && "recompute".equals(key.overlapGradient())) {
            return (g + 2.0 * l) / (b + 2.0 * l);
        }
        return g / b;
    }

    /**
     * Training samples an epoch passes over: every sample of a full batch once. MB-LBFGS's batches share l samples
     * with the next, so k steps pass k·(b − l) + l distinct samples while computing more sample-gradients.
     */
    public double samplesPerEpoch() {
        if (!isMbLbfgs()) {
            return sampleGradients();
        }
        double k = iterationsPerEpoch();
        int b = key.setting().batchSize();
        int l = overlapSize();
        return k * (b - l) + l;
    }

    private double[] concat(Function<EpochRun, double[]> f) {
        return runs.stream().map(f).flatMapToDouble(Arrays::stream).toArray();
    }

    private static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
    }

    @Override
    public String toString() {
        return key.benchmarkClass() + " " + key.setting().shortName() + " " + label() + " ("
                + runs.stream().map(r -> Objects.toString(r.epochs())).collect(Collectors.joining("+")) + " epochs)";
    }
}
