package org.sqnbench.report.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.EpochRun;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.report.results.Setting;
import org.sqnbench.study.Method;
import org.sqnbench.study.SourceStudy;

/**
 * Measured verdicts on the source study's four conclusions, per setting of the results:
 * <ol>
 * <li>"Quasi-Newton methods are comparable with Adam and SGD-Momentum in solution quality": final test accuracy
 * (last epoch of the ConvergenceBenchmark, one value per seed) of MB-LBFGS and SGD-BB against Adam and Momentum, as
 * a difference of means with Welch's 95% interval, and an equivalence test within ±{@value #ACCURACY_MARGIN} accuracy
 * (two one-sided Welch t-tests at 5% each, i.e. the 90% interval lies inside the margin).</li>
 * <li>"SGD needs more iterations to converge": targets are SGD's own mean train loss and test accuracy at its last
 * epoch; for each method, the first epoch at which its mean curve reaches them, with the sample-gradients and wall
 * time spent until then.</li>
 * <li>"All methods except MB-LBFGS take comparable time": per-epoch time ratios between SGD, Momentum, Adam and
 * SGD-BB (EpochTimeBenchmark, over independent replicates, delta-method 95% interval as in {@link Statistics#ratio}), equivalent when the interval
 * lies inside [1/{@value #TIME_MARGIN}, {@value #TIME_MARGIN}].</li>
 * <li>"MB-LBFGS takes about 20% longer": the {@link Verdict}.</li>
 * </ol>
 * Each pairwise result is one of: comparable (equivalence shown), not comparable (the interval lies entirely
 * outside the margin), undecided (the interval straddles it), or too few seeds. Only series with the default
 * hyperparameters take part. The words are the written report's.
 */
public final class Conclusions {
    /** Margin for "comparable quality": one accuracy point. */
    public static final double ACCURACY_MARGIN = 0.01;
    /** Margin for "comparable time": within 10% either way. */
    public static final double TIME_MARGIN = 1.10;
    /** An equivalence test by two one-sided tests at 5% each: the 90% interval inside the margin. */
    static final double EQUIVALENCE_LEVEL = 0.90;

    private static final List<Method> QUASI_NEWTON = List.of(Method.MB_LBFGS, Method.SGD_BB);
    private static final List<Method> REFERENCES = List.of(Method.ADAM, Method.MOMENTUM);
    private static final List<Method> FIRST_ORDER = List.of(Method.SGD, Method.MOMENTUM, Method.ADAM, Method.SGD_BB);

    /** Outcome of one comparison. */
    public enum Outcome { COMPARABLE, NOT_COMPARABLE, UNDECIDED, TOO_FEW }

    /** A difference of means with the 95% interval to report and the 90% one the equivalence test needs. */
    public record Difference(Statistics.MeanCi ci95, Statistics.MeanCi ci90, int n1, int n2) {
        static Difference of(double[] a, double[] b) {
            return new Difference(Statistics.difference(a, b), Statistics.difference(a, b, EQUIVALENCE_LEVEL),
                    a.length, b.length);
        }

        public double estimate() {
            return ci95.mean();
        }

        Outcome outcome(double margin) {
            if (n1 < 2 || n2 < 2) {
                return Outcome.TOO_FEW;
            }
            if (ci90.lower() > -margin && ci90.upper() < margin) {
                return Outcome.COMPARABLE;
            }
            if (ci90.lower() >= margin || ci90.upper() <= -margin) {
                return Outcome.NOT_COMPARABLE;
            }
            return Outcome.UNDECIDED;
        }
    }

    /** 1: one method's final test accuracy and loss over its seeds that did not diverge. */
    public record Finals(EpochSeries series, Statistics.MeanCi accuracy, Statistics.MeanCi loss, long divergedSeeds) {
    }

    /** 1: a quasi-Newton method's final accuracy minus a reference method's. */
    public record QualityPair(EpochSeries a, EpochSeries b, Difference difference, Outcome outcome) {
    }

    public record Quality(Setting setting, List<Finals> finals, List<QualityPair> pairs) {
    }

    /** 2: the first epoch (0-based; -1 for never) at which a mean curve reached a target, and the work until then. */
    public record Reach(int epoch, double sampleGradients, double seconds) {
        public boolean reached() {
            return epoch >= 0;
        }
    }

    /** 2: when one method reached SGD's final loss and accuracy, over {@code epochs} epochs common to its seeds. */
    public record IterationRow(EpochSeries series, int epochs, Reach loss, Reach accuracy) {
    }

    /** 2: SGD's final mean levels at its last epoch (0-based), and each method's way to them. */
    public record Iterations(Setting setting, int sgdLastEpoch, double targetLoss, double targetAccuracy,
                             List<IterationRow> rows) {
    }

    /** 3: one first-order method's per-epoch time over another's. */
    public record TimePair(EpochSeries a, EpochSeries b, Statistics.Ratio ratio, Outcome outcome) {
    }

    public record Time(Setting setting, List<TimePair> pairs) {
    }

    private final List<Quality> quality = new ArrayList<>();
    private final List<Iterations> iterations = new ArrayList<>();
    private final List<Boolean> fewerEpochs = new ArrayList<>();
    private final List<Time> time = new ArrayList<>();
    private final Verdict verdict;

    private Conclusions(Verdict verdict) {
        this.verdict = verdict;
    }

    public static Conclusions of(EpochData data, Verdict verdict) {
        Conclusions c = new Conclusions(verdict);
        for (Setting setting : data.settings(EpochData.CONVERGENCE)) {
            Map<Method, EpochSeries> byMethod = byMethod(data.series(EpochData.CONVERGENCE, setting));
            c.quality.add(quality(setting, byMethod));
            c.iterations(setting, byMethod);
        }
        for (Setting setting : data.settings(EpochData.EPOCH_TIME)) {
            c.time.add(time(setting, byMethod(data.series(EpochData.EPOCH_TIME, setting))));
        }
        return c;
    }

    // ---- 1. quality ----

    private static Quality quality(Setting setting, Map<Method, EpochSeries> byMethod) {
        List<Finals> finals = new ArrayList<>();
        for (EpochSeries s : byMethod.values()) {
            long diverged = s.runs().stream().filter(r -> r.firstDiverged() >= 0).count();
            finals.add(new Finals(s, Statistics.mean(finals(s, true)), Statistics.mean(finals(s, false)), diverged));
        }
        List<QualityPair> pairs = new ArrayList<>();
        for (Method q : QUASI_NEWTON) {
            for (Method r : REFERENCES) {
                EpochSeries a = byMethod.get(q);
                EpochSeries b = byMethod.get(r);
                if (a != null && b != null) {
                    Difference d = Difference.of(finals(a, true), finals(b, true));
                    pairs.add(new QualityPair(a, b, d, d.outcome(ACCURACY_MARGIN)));
                }
            }
        }
        return new Quality(setting, finals, pairs);
    }

    /** Final-epoch accuracy (or test loss) of each seed whose run did not diverge. */
    public static double[] finals(EpochSeries s, boolean accuracy) {
        return s.runs().stream().filter(r -> r.firstDiverged() < 0 && r.epochs() > 0)
                .mapToDouble(r -> (accuracy ? r.testAccuracy() : r.testLoss())[r.epochs() - 1]).toArray();
    }

    public List<Quality> quality() {
        return quality;
    }

    public List<Outcome> qualityOutcomes() {
        return quality.stream().flatMap(q -> q.pairs().stream()).map(QualityPair::outcome).toList();
    }

    // ---- 2. iterations ----

    private void iterations(Setting setting, Map<Method, EpochSeries> byMethod) {
        EpochSeries sgd = byMethod.get(Method.SGD);
        if (sgd == null) {
            return;
        }
        Curves reference = Curves.of(sgd);
        if (reference.length() == 0) {
            return;
        }
        int last = reference.length() - 1;
        double targetLoss = reference.trainLoss[last];
        double targetAccuracy = reference.accuracy[last];
        int sgdEpochs = Math.max(reference.firstAtMost(targetLoss), reference.firstAtLeast(targetAccuracy)) + 1;
        List<IterationRow> rows = new ArrayList<>();
        for (EpochSeries s : byMethod.values()) {
            Curves c = Curves.of(s);
            int lossAt = c.firstAtMost(targetLoss);
            int accAt = c.firstAtLeast(targetAccuracy);
            rows.add(new IterationRow(s, c.length(), c.reach(lossAt), c.reach(accAt)));
            if (s != sgd) {
                fewerEpochs.add(lossAt >= 0 && accAt >= 0 && Math.max(lossAt, accAt) + 1 < sgdEpochs);
            }
        }
        iterations.add(new Iterations(setting, last, targetLoss, targetAccuracy, rows));
    }

    public List<Iterations> iterations() {
        return iterations;
    }

    /** Per method-setting pair beside SGD: whether it reached both of SGD's final levels in fewer epochs. */
    public List<Boolean> fewerEpochs() {
        return fewerEpochs;
    }

    /** Mean-over-seeds curves over the epochs every seed has. */
    private record Curves(double[] trainLoss, double[] accuracy, double[] sampleGradients, double[] seconds) {
        static Curves of(EpochSeries s) {
            List<double[]> means = List.of(s.curve(EpochRun::trainLoss, 1).mean(),
                    s.curve(EpochRun::testAccuracy, 1).mean(), s.curve(EpochRun::cumulativeSampleGradients, 1).mean(),
                    s.curve(EpochRun::elapsedSeconds, 1).mean());
            int n = means.stream().mapToInt(m -> m.length).min().orElse(0);
            return new Curves(Arrays.copyOf(means.get(0), n), Arrays.copyOf(means.get(1), n),
                    Arrays.copyOf(means.get(2), n), Arrays.copyOf(means.get(3), n));
        }

        int length() {
            return trainLoss.length;
        }

        int firstAtMost(double target) {
            for (int e = 0; e < trainLoss.length; e++) {
                if (trainLoss[e] <= target) {
                    return e;
                }
            }
            return -1;
        }

        int firstAtLeast(double target) {
            for (int e = 0; e < accuracy.length; e++) {
                if (accuracy[e] >= target) {
                    return e;
                }
            }
            return -1;
        }

        Reach reach(int epoch) {
            return epoch < 0 ? new Reach(-1, Double.NaN, Double.NaN)
                    : new Reach(epoch, sampleGradients[epoch], seconds[epoch]);
        }
    }

    // ---- 3. first-order time ----

    private static Time time(Setting setting, Map<Method, EpochSeries> byMethod) {
        List<TimePair> pairs = new ArrayList<>();
        for (int i = 0; i < FIRST_ORDER.size(); i++) {
            for (int j = i + 1; j < FIRST_ORDER.size(); j++) {
                EpochSeries a = byMethod.get(FIRST_ORDER.get(j));
                EpochSeries b = byMethod.get(FIRST_ORDER.get(i));
                if (a == null || b == null || a.allDiverged() || b.allDiverged()) {
                    continue;
                }
                Statistics.Ratio r = Statistics.ratio(a.replicateTimes(), List.of(b.replicateTimes()));
                Outcome o = !r.hasCi() ? Outcome.TOO_FEW
                        : r.lower() > 1 / TIME_MARGIN && r.upper() < TIME_MARGIN ? Outcome.COMPARABLE
                        : r.lower() >= TIME_MARGIN || r.upper() <= 1 / TIME_MARGIN ? Outcome.NOT_COMPARABLE
                        : Outcome.UNDECIDED;
                pairs.add(new TimePair(a, b, r, o));
            }
        }
        return new Time(setting, pairs);
    }

    public List<Time> time() {
        return time;
    }

    public List<Outcome> timeOutcomes() {
        return time.stream().flatMap(t -> t.pairs().stream()).map(TimePair::outcome).toList();
    }

    // ---- 4. MB-LBFGS time ----

    /** The verdict's settings, whose ratio to the others' mean conclusion 4 reads. */
    public Verdict verdict() {
        return verdict;
    }

    /** Settings whose ratio to the others' mean has an interval. */
    public long mbLbfgsDecided() {
        return verdict.entries().stream().filter(e -> e.versusMean().ratio().hasCi()).count();
    }

    /** Settings whose interval holds the claimed ratio. */
    public long mbLbfgsInside() {
        return verdict.entries().stream().filter(e -> e.versusMean().ratio().contains(SourceStudy.CLAIMED_RATIO))
                .count();
    }

    /** The series with default hyperparameters, one per method: another step, memory or overlap is another setting. */
    private static Map<Method, EpochSeries> byMethod(List<EpochSeries> series) {
        Map<Method, EpochSeries> m = new LinkedHashMap<>();
        for (EpochSeries s : series) {
            if (s.hasDefaults()) {
                s.method().ifPresent(method -> m.putIfAbsent(method, s));
            }
        }
        return m;
    }
}
