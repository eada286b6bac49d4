package org.sqnbench.report.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sqnbench.data.Dataset;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.EpochRun;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.report.results.Setting;
import org.sqnbench.study.Method;
import org.sqnbench.study.SourceStudy;

/**
 * Measured verdicts on the source study's four conclusions, per setting of the results:
 * <ol>
 * <li>"Quasi-Newton methods are comparable with Adam and SGD-Momentum in solution quality", read as non-inferiority:
 * MB-LBFGS's and SGD-BB's final test accuracy (last epoch of the ConvergenceBenchmark, one value per seed) is not
 * worse than Adam's or Momentum's by more than δ = {@value #ACCURACY_MARGIN} (one accuracy point). Non-inferior when
 * the lower bound of the 95% two-sided Welch interval of mean(A) − mean(B) lies above −δ (a one-sided test at
 * 2.5%, the usual convention for non-inferiority), inferior when its upper bound lies below −δ, undecided otherwise.
 * A seed that diverged counts as a failure of its method, not as a missing value: it enters with the accuracy of
 * chance, {@link #CHANCE_ACCURACY} (1 / the number of classes), since a diverged model predicts nothing better;
 * dropping it would reward a method for the seeds it lost.</li>
 * <li>"SGD needs more iterations to converge": targets are SGD's own mean train loss and test accuracy at its last
 * epoch; for each method, the first epoch at which its mean curve reaches them, with the sample-gradients and wall
 * time spent until then.</li>
 * <li>"All methods except MB-LBFGS take comparable time": per-epoch time ratios between SGD, Momentum, Adam and
 * SGD-BB (EpochTimeBenchmark, over independent replicates, delta-method 95% interval as in
 * {@link Statistics#ratio}), equivalent when the 95% interval lies inside [1/{@value #TIME_MARGIN},
 * {@value #TIME_MARGIN}].</li>
 * <li>"MB-LBFGS takes about 20% longer": the {@link Verdict}.</li>
 * </ol>
 * Every verdict reads the one level {@link Statistics#LEVEL}. Only series with the default hyperparameters take
 * part. The words are the written report's.
 */
public final class Conclusions {
    /** Non-inferiority margin δ for final test accuracy: one accuracy point. */
    public static final double ACCURACY_MARGIN = 0.01;
    /** Margin for "comparable time": within 10% either way. */
    public static final double TIME_MARGIN = 1.10;
    /** The accuracy a diverged seed is counted at: guessing among the networks' classes (MNIST and CIFAR-10: 10). */
    public static final double CHANCE_ACCURACY = 1.0 / Dataset.CLASSES;

    private static final List<Method> QUASI_NEWTON = List.of(Method.MB_LBFGS, Method.SGD_BB);
    private static final List<Method> REFERENCES = List.of(Method.ADAM, Method.MOMENTUM);
    private static final List<Method> FIRST_ORDER = List.of(Method.SGD, Method.MOMENTUM, Method.ADAM, Method.SGD_BB);

    /**
     * Outcome of one comparison: NON_INFERIOR, INFERIOR for quality (conclusion 1); COMPARABLE, NOT_COMPARABLE for
     * time (conclusion 3); UNDECIDED and TOO_FEW (fewer than 2 seeds or replicates on a side) for both.
     */
    public enum Outcome { NON_INFERIOR, INFERIOR, COMPARABLE, NOT_COMPARABLE, UNDECIDED, TOO_FEW }

    /** A difference of means A − B with its 95% Welch interval, and the sample sizes. */
    public record Difference(Statistics.MeanCi ci, int n1, int n2) {
        static Difference of(double[] a, double[] b) {
            return new Difference(Statistics.difference(a, b), a.length, b.length);
        }

        public double estimate() {
            return ci.mean();
        }

        /** Non-inferiority of A to B within {@code margin}, read from the 95% interval. */
        Outcome nonInferiority(double margin) {
            if (n1 < 2 || n2 < 2) {
                return Outcome.TOO_FEW;
            }
            if (ci.lower() > -margin) {
                return Outcome.NON_INFERIOR;
            }
            if (ci.upper() < -margin) {
                return Outcome.INFERIOR;
            }
            return Outcome.UNDECIDED;
        }

        /** Whether A is significantly better than B: the interval lies above 0. Extra information, not an outcome. */
        public boolean significantlyBetter() {
            return n1 >= 2 && n2 >= 2 && ci.lower() > 0;
        }
    }

    /**
     * 1: one method's final test accuracy over all its seeds (a diverged seed at {@link #CHANCE_ACCURACY}), its final
     * test loss over the seeds that did not diverge (a diverged loss is no number), and how many seeds diverged.
     */
    public record Finals(EpochSeries series, Statistics.MeanCi accuracy, Statistics.MeanCi loss, long divergedSeeds) {
    }

    /** 1: a quasi-Newton method's final accuracy minus a reference method's, diverged seeds at chance. */
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

    /** 3: one first-order method's per-epoch time over another's (over replicates), COMPARABLE when equivalent. */
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
            finals.add(new Finals(s, Statistics.mean(finalAccuracies(s)), Statistics.mean(finals(s, false)),
                    diverged));
        }
        List<QualityPair> pairs = new ArrayList<>();
        for (Method q : QUASI_NEWTON) {
            for (Method r : REFERENCES) {
                EpochSeries a = byMethod.get(q);
                EpochSeries b = byMethod.get(r);
                if (a != null && b != null) {
                    Difference d = Difference.of(finalAccuracies(a), finalAccuracies(b));
                    pairs.add(new QualityPair(a, b, d, d.nonInferiority(ACCURACY_MARGIN)));
                }
            }
        }
        return new Quality(setting, finals, pairs);
    }

    /**
     * Final-epoch test accuracy of every seed, a seed that diverged at {@link #CHANCE_ACCURACY}: the values
     * conclusion 1 compares.
     */
    public static double[] finalAccuracies(EpochSeries s) {
        return s.runs().stream().filter(r -> r.epochs() > 0)
                .mapToDouble(r -> r.firstDiverged() >= 0 ? CHANCE_ACCURACY : r.testAccuracy()[r.epochs() - 1])
                .toArray();
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
