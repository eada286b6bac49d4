package org.sqnbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Measured verdicts on the source study's four conclusions, each naming the data it was measured on:
 * <ol>
 * <li>"Quasi-Newton methods are comparable with Adam and SGD-Momentum in solution quality": final test accuracy
 * (last epoch of the ConvergenceBenchmark, one value per seed) of MB-LBFGS and SGD-BB against Adam and Momentum, as
 * a difference of means with Welch's 95% interval, and an equivalence test within ±{@value #ACCURACY_MARGIN} accuracy
 * (two one-sided Welch t-tests at 5% each, i.e. the 90% interval lies inside the margin).</li>
 * <li>"SGD needs more iterations to converge": targets are SGD's own mean train loss and test accuracy at its last
 * epoch; for each method, the first epoch at which its mean curve reaches them, with the sample-gradients and wall
 * time spent until then.</li>
 * <li>"All methods except MB-LBFGS take comparable time": per-epoch time ratios between SGD, Momentum, Adam and
 * SGD-BB (EpochTimeBenchmark, delta-method 95% interval as in {@link Statistics#ratio}), equivalent when the interval
 * lies inside [1/{@value #TIME_MARGIN}, {@value #TIME_MARGIN}].</li>
 * <li>"MB-LBFGS takes about 20% longer": the {@link Verdict}.</li>
 * </ol>
 * Each pairwise result is one of: comparable (equivalence shown), not comparable (the interval lies entirely
 * outside the margin), undecided (the interval straddles it), or too few seeds.
 */
public final class Conclusions {
    /** Margin for "comparable quality": one accuracy point. */
    public static final double ACCURACY_MARGIN = 0.01;
    /** Margin for "comparable time": within 10% either way. */
    public static final double TIME_MARGIN = 1.10;

    private static final String[] QUASI_NEWTON = {"mb-lbfgs", "sgd-bb"};
    private static final String[] REFERENCES = {"adam", "momentum"};
    private static final String[] FIRST_ORDER = {"sgd", "momentum", "adam", "sgd-bb"};

    /** Outcome of one comparison. */
    public enum Outcome {
        COMPARABLE("comparable"), NOT_COMPARABLE("not comparable"), UNDECIDED("undecided"),
        TOO_FEW("too few seeds to decide");

        private final String words;

        Outcome(String words) {
            this.words = words;
        }

        @Override
        public String toString() {
            return words;
        }
    }

    /** A difference of means with the intervals TOST needs. */
    public record Difference(double estimate, double lower95, double upper95, double lower90, double upper90, int n1,
                             int n2) {
        Outcome outcome(double margin) {
            if (n1 < 2 || n2 < 2) {
                return Outcome.TOO_FEW;
            }
            if (lower90 > -margin && upper90 < margin) {
                return Outcome.COMPARABLE;
            }
            if (lower90 >= margin || upper90 <= -margin) {
                return Outcome.NOT_COMPARABLE;
            }
            return Outcome.UNDECIDED;
        }
    }

    /** One conclusion: its verdict and the lines of evidence behind it. */
    public record Finding(String claim, String verdict, List<String> evidence) {
    }

    private final List<Finding> findings;

    private Conclusions(List<Finding> findings) {
        this.findings = findings;
    }

    public List<Finding> findings() {
        return findings;
    }

    public static Conclusions of(EpochData data, Verdict verdict) {
        return new Conclusions(List.of(quality(data), iterations(data), firstOrderTime(data), mbLbfgsTime(verdict)));
    }

    /** Welch difference of means a − b with 95% and 90% intervals (commons-math3 t quantiles). */
    public static Difference difference(double[] a, double[] b) {
        DescriptiveStatistics x = new DescriptiveStatistics(a);
        DescriptiveStatistics y = new DescriptiveStatistics(b);
        double d = x.getMean() - y.getMean();
        if (a.length < 2 || b.length < 2) {
            return new Difference(d, Double.NaN, Double.NaN, Double.NaN, Double.NaN, a.length, b.length);
        }
        double va = x.getVariance() / a.length;
        double vb = y.getVariance() / b.length;
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Difference(d, d, d, d, d, a.length, b.length);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        TDistribution t = new TDistribution(null, df);
        double h95 = t.inverseCumulativeProbability(0.975) * se;
        double h90 = t.inverseCumulativeProbability(0.95) * se;
        return new Difference(d, d - h95, d + h95, d - h90, d + h90, a.length, b.length);
    }

    // ---- 1. quality ----

    private static Finding quality(EpochData data) {
        String claim = "1. \"Quasi-Newton methods are comparable with Adam and SGD-Momentum in solution quality.\"";
        List<String> evidence = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Setting setting : data.settings(EpochData.CONVERGENCE)) {
            Map<String, EpochSeries> byName = byOptimizer(data.series(EpochData.CONVERGENCE, setting));
            evidence.add(onData(setting));
            for (EpochSeries s : byName.values()) {
                double[] acc = finals(s, true);
                Statistics.MeanCi m = Statistics.mean(acc);
                evidence.add(String.format(Locale.ROOT, "  final test accuracy %s: %s; test loss %s%s",
                        s.label(), meanText(m, 4), meanText(Statistics.mean(finals(s, false)), 3), divergedSeeds(s)));
            }
            for (String q : QUASI_NEWTON) {
                for (String r : REFERENCES) {
                    EpochSeries a = byName.get(q);
                    EpochSeries b = byName.get(r);
                    if (a == null || b == null) {
                        continue;
                    }
                    Difference d = difference(finals(a, true), finals(b, true));
                    Outcome o = d.outcome(ACCURACY_MARGIN);
                    outcomes.add(o);
                    evidence.add(String.format(Locale.ROOT, "  %s − %s accuracy: %s → %s (margin ±%.2f)",
                            a.label(), b.label(), differenceText(d), o, ACCURACY_MARGIN));
                }
            }
        }
        return new Finding(claim, summary(outcomes, "no ConvergenceBenchmark results with MB-LBFGS or SGD-BB and "
                + "Adam or Momentum"), evidence);
    }

    /** Final-epoch accuracy (or test loss) of each seed whose run did not diverge. */
    static double[] finals(EpochSeries s, boolean accuracy) {
        return s.runs().stream().filter(r -> r.firstDiverged() < 0 && r.epochs() > 0)
                .mapToDouble(r -> (accuracy ? r.testAccuracy() : r.testLoss())[r.epochs() - 1]).toArray();
    }

    private static String divergedSeeds(EpochSeries s) {
        long diverged = s.runs().stream().filter(r -> r.firstDiverged() >= 0).count();
        return diverged == 0 ? "" : " (" + diverged + " seed(s) diverged, left out)";
    }

    // ---- 2. iterations ----

    private static Finding iterations(EpochData data) {
        String claim = "2. \"SGD needs more iterations to converge.\"";
        List<String> evidence = new ArrayList<>();
        List<Boolean> fewer = new ArrayList<>();
        for (Setting setting : data.settings(EpochData.CONVERGENCE)) {
            Map<String, EpochSeries> byName = byOptimizer(data.series(EpochData.CONVERGENCE, setting));
            EpochSeries sgd = byName.get(EpochSeries.SGD);
            if (sgd == null) {
                continue;
            }
            Curves reference = Curves.of(sgd);
            if (reference.length() == 0) {
                continue;
            }
            int last = reference.length() - 1;
            double targetLoss = reference.trainLoss[last];
            double targetAccuracy = reference.accuracy[last];
            evidence.add(onData(setting));
            evidence.add(String.format(Locale.ROOT, "  targets: SGD's mean at its last epoch (%d): train loss %.4f, "
                    + "test accuracy %.4f", last + 1, targetLoss, targetAccuracy));
            int sgdEpochs = Math.max(reference.firstAtMost(targetLoss), reference.firstAtLeast(targetAccuracy)) + 1;
            for (EpochSeries s : byName.values()) {
                Curves c = Curves.of(s);
                int lossAt = c.firstAtMost(targetLoss);
                int accAt = c.firstAtLeast(targetAccuracy);
                evidence.add("  " + s.label() + ": loss target " + c.reached(lossAt) + "; accuracy target "
                        + c.reached(accAt));
                if (s != sgd) {
                    fewer.add(lossAt >= 0 && accAt >= 0 && Math.max(lossAt, accAt) + 1 < sgdEpochs);
                }
            }
        }
        String verdict;
        if (fewer.isEmpty()) {
            verdict = "no verdict: no ConvergenceBenchmark results with SGD and another method";
        } else {
            long yes = fewer.stream().filter(b -> b).count();
            verdict = (yes == fewer.size() ? "holds" : yes == 0 ? "does not hold" : "holds in part") + ": "
                    + yes + " of " + fewer.size() + " method-setting pairs reach both of SGD's final levels in fewer "
                    + "epochs than SGD";
        }
        return new Finding(claim, verdict, evidence);
    }

    /** Mean-over-seeds curves, cut at the first epoch at which any seed diverged. */
    record Curves(double[] trainLoss, double[] accuracy, double[] sampleGradients, double[] seconds) {
        static Curves of(EpochSeries s) {
            int n = s.runs().stream().mapToInt(r -> r.firstDiverged() < 0 ? r.epochs() : r.firstDiverged())
                    .min().orElse(0);
            double[] loss = new double[n];
            double[] acc = new double[n];
            double[] grads = new double[n];
            double[] secs = new double[n];
            int runs = s.runs().size();
            for (EpochRun r : s.runs()) {
                double g = 0;
                double t = 0;
                for (int e = 0; e < n; e++) {
                    g += r.sampleGradients()[e];
                    t += r.timeMs()[e] / 1000;
                    loss[e] += r.trainLoss()[e] / runs;
                    acc[e] += r.testAccuracy()[e] / runs;
                    grads[e] += g / runs;
                    secs[e] += t / runs;
                }
            }
            return new Curves(loss, acc, grads, secs);
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

        String reached(int epoch) {
            if (epoch < 0) {
                return "never reached in " + length() + " epochs";
            }
            return String.format(Locale.ROOT, "epoch %d (%s sample-gradients, %.1f s)", epoch + 1,
                    Format.count(sampleGradients[epoch]), seconds[epoch]);
        }
    }

    // ---- 3. first-order time ----

    private static Finding firstOrderTime(EpochData data) {
        String claim = "3. \"All methods except MB-LBFGS take comparable time.\"";
        List<String> evidence = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        for (Setting setting : data.settings(EpochData.EPOCH_TIME)) {
            Map<String, EpochSeries> byName = byOptimizer(data.series(EpochData.EPOCH_TIME, setting));
            evidence.add(onData(setting));
            for (int i = 0; i < FIRST_ORDER.length; i++) {
                for (int j = i + 1; j < FIRST_ORDER.length; j++) {
                    EpochSeries a = byName.get(FIRST_ORDER[j]);
                    EpochSeries b = byName.get(FIRST_ORDER[i]);
                    if (a == null || b == null || a.allDiverged() || b.allDiverged()) {
                        continue;
                    }
                    Statistics.Ratio r = Statistics.ratio(a.times(), List.of(b.times()));
                    Outcome o = !r.hasCi() ? Outcome.TOO_FEW
                            : r.lower() > 1 / TIME_MARGIN && r.upper() < TIME_MARGIN ? Outcome.COMPARABLE
                            : r.lower() >= TIME_MARGIN || r.upper() <= 1 / TIME_MARGIN ? Outcome.NOT_COMPARABLE
                            : Outcome.UNDECIDED;
                    outcomes.add(o);
                    evidence.add(String.format(Locale.ROOT, "  %s / %s per-epoch time: %s → %s", a.label(),
                            b.label(), ratioText(r), o));
                }
            }
        }
        return new Finding(claim, summary(outcomes, "no EpochTimeBenchmark results with two of SGD, Momentum, Adam, "
                + "SGD-BB"), evidence);
    }

    // ---- 4. MB-LBFGS time ----

    private static Finding mbLbfgsTime(Verdict verdict) {
        String claim = "4. \"MB-LBFGS takes about 20% longer.\"";
        List<String> evidence = new ArrayList<>();
        int inside = 0;
        int decided = 0;
        for (Verdict.Entry e : verdict.entries()) {
            evidence.add(onData(e.setting()));
            Verdict.Comparison c = e.versusMean();
            evidence.add("  MB-LBFGS / " + c.versus() + ": " + ratioText(c.ratio()) + ", +20% " + c.position());
            if (c.ratio().hasCi()) {
                decided++;
                inside += c.ratio().contains(1.2) ? 1 : 0;
            }
        }
        String v = decided == 0 ? "no verdict: no EpochTimeBenchmark setting with MB-LBFGS, others and a CI"
                : inside == decided ? "holds: +20% lies inside the interval in every setting"
                : inside == 0 ? "does not hold: +20% lies outside the interval in every setting measured"
                : "holds in part: +20% lies inside the interval in " + inside + " of " + decided + " settings";
        evidence.add("  (decomposition of the gap and the batch-size curve: see the verdict above)");
        return new Finding(claim, v, evidence);
    }

    // ---- text ----

    private static Map<String, EpochSeries> byOptimizer(List<EpochSeries> series) {
        Map<String, EpochSeries> m = new LinkedHashMap<>();
        for (EpochSeries s : series) {
            // default hyperparameters only: a series with another step, memory or overlap mode is another setting
            EpochSeries.Key k = s.key();
            boolean defaults = (k.learningRate().isEmpty() || k.learningRate().matches("0(\\.0*)?"))
                    && (k.memory().isEmpty() || k.memory().equals("10"))
                    && (k.overlapGradient().isEmpty() || k.overlapGradient().equals("reuse"));
            if (defaults) {
                m.putIfAbsent(s.optimizer(), s);
            }
        }
        return m;
    }

    private static String onData(Setting s) {
        return "- measured on " + s.description() + (s.synthetic()
                ? " (synthetic data: a weaker check than real CIFAR-10)" : "") + ":";
    }

    private static String summary(List<Outcome> outcomes, String none) {
        if (outcomes.isEmpty()) {
            return "no verdict: " + none;
        }
        long comparable = outcomes.stream().filter(o -> o == Outcome.COMPARABLE).count();
        long not = outcomes.stream().filter(o -> o == Outcome.NOT_COMPARABLE).count();
        long few = outcomes.stream().filter(o -> o == Outcome.TOO_FEW).count();
        if (few == outcomes.size()) {
            return "cannot be decided: too few seeds";
        }
        if (comparable == outcomes.size()) {
            return "holds: every comparison is equivalent within the margin";
        }
        if (not > 0) {
            return "does not hold: " + not + " of " + outcomes.size() + " comparisons lie outside the margin"
                    + (comparable > 0 ? " (" + comparable + " equivalent)" : "");
        }
        return "undecided: " + comparable + " of " + outcomes.size() + " comparisons shown equivalent, the others' "
                + "intervals straddle the margin" + (few > 0 ? " or have too few seeds" : "");
    }

    private static String meanText(Statistics.MeanCi m, int digits) {
        if (m.n() == 0) {
            return "no result";
        }
        String f = "%." + digits + "f";
        return m.hasCi() ? String.format(Locale.ROOT, f + " [" + f + ", " + f + "] (n=%d)", m.mean(), m.lower(),
                m.upper(), m.n()) : String.format(Locale.ROOT, f + " (n=%d, no CI)", m.mean(), m.n());
    }

    private static String differenceText(Difference d) {
        if (Double.isNaN(d.lower95())) {
            return String.format(Locale.ROOT, "%+.4f (n=%d, %d: too few seeds)", d.estimate(), d.n1(), d.n2());
        }
        return String.format(Locale.ROOT, "%+.4f, 95%% CI [%+.4f, %+.4f], 90%% CI [%+.4f, %+.4f]", d.estimate(),
                d.lower95(), d.upper95(), d.lower90(), d.upper90());
    }

    private static String ratioText(Statistics.Ratio r) {
        return r.hasCi() ? String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.estimate(), r.lower(), r.upper())
                : String.format(Locale.ROOT, "%.3f (%s)", r.estimate(), r.problem());
    }

    /** Plain text for the console. */
    public String text() {
        StringBuilder b = new StringBuilder("\nThe source study's four conclusions, measured:\n");
        for (Finding f : findings) {
            b.append('\n').append(f.claim()).append("\n  → ").append(f.verdict()).append('\n');
            f.evidence().forEach(line -> b.append("  ").append(line).append('\n'));
        }
        return b.toString();
    }

    /** The same as a report.md section. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        for (Finding f : findings) {
            b.append("### ").append(f.claim()).append("\n\n**").append(f.verdict()).append("**\n\n");
            f.evidence().forEach(line -> b.append(line.startsWith("  ") ? "  - " + line.strip() : line).append('\n'));
            b.append('\n');
        }
        return b.toString();
    }

    Optional<Finding> find(int number) {
        return findings.stream().filter(f -> f.claim().startsWith(number + ".")).findFirst();
    }
}
