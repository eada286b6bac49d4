package org.sqnbench.report.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sqnbench.report.analysis.Conclusions.Outcome;
import org.sqnbench.report.analysis.Conclusions;
import org.sqnbench.report.analysis.Statistics;
import org.sqnbench.report.analysis.Verdict;
import org.sqnbench.report.results.Setting;

/** The {@link Conclusions} in words: each claim, its verdict and the evidence, as console text or report.md. */
public final class ConclusionsText {
    /** One conclusion: its verdict and the lines of evidence behind it. */
    public record Finding(String claim, String verdict, List<String> evidence) {
    }

    private final List<Finding> findings;

    private ConclusionsText(List<Finding> findings) {
        this.findings = findings;
    }

    public static ConclusionsText of(Conclusions c) {
        return new ConclusionsText(List.of(quality(c), iterations(c), firstOrderTime(c), mbLbfgsTime(c)));
    }

    /** The finding of conclusion {@code number} (1 to 4). */
    public Optional<Finding> find(int number) {
        return findings.stream().filter(f -> f.claim().startsWith(number + ".")).findFirst();
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

    private static Finding quality(Conclusions c) {
        List<String> evidence = new ArrayList<>();
        for (Conclusions.Quality q : c.quality()) {
            evidence.add(onData(q.setting()));
            for (Conclusions.Finals f : q.finals()) {
                evidence.add(String.format(Locale.ROOT, "  final test accuracy %s: %s; test loss %s%s",
                        f.series().label(), meanText(f.accuracy(), 4), meanText(f.loss(), 3),
                        f.divergedSeeds() == 0 ? "" : " (" + f.divergedSeeds() + " seed(s) diverged, left out)"));
            }
            for (Conclusions.QualityPair p : q.pairs()) {
                evidence.add(String.format(Locale.ROOT, "  %s − %s accuracy: %s → %s (margin ±%.2f)",
                        p.a().label(), p.b().label(), differenceText(p.difference()), words(p.outcome()),
                        Conclusions.ACCURACY_MARGIN));
            }
        }
        return new Finding("1. \"Quasi-Newton methods are comparable with Adam and SGD-Momentum in solution quality.\"",
                summary(c.qualityOutcomes(), "no ConvergenceBenchmark results with MB-LBFGS or SGD-BB and "
                        + "Adam or Momentum"), evidence);
    }

    private static Finding iterations(Conclusions c) {
        List<String> evidence = new ArrayList<>();
        for (Conclusions.Iterations it : c.iterations()) {
            evidence.add(onData(it.setting()));
            evidence.add(String.format(Locale.ROOT, "  targets: SGD's mean at its last epoch (%d): train loss %.4f, "
                    + "test accuracy %.4f", it.sgdLastEpoch() + 1, it.targetLoss(), it.targetAccuracy()));
            for (Conclusions.IterationRow r : it.rows()) {
                evidence.add("  " + r.series().label() + ": loss target " + reached(r.loss(), r.epochs())
                        + "; accuracy target " + reached(r.accuracy(), r.epochs()));
            }
        }
        List<Boolean> fewer = c.fewerEpochs();
        String verdict;
        if (fewer.isEmpty()) {
            verdict = "no verdict: no ConvergenceBenchmark results with SGD and another method";
        } else {
            long yes = fewer.stream().filter(b -> b).count();
            verdict = (yes == fewer.size() ? "holds" : yes == 0 ? "does not hold" : "holds in part") + ": "
                    + yes + " of " + fewer.size() + " method-setting pairs reach both of SGD's final levels in fewer "
                    + "epochs than SGD";
        }
        return new Finding("2. \"SGD needs more iterations to converge.\"", verdict, evidence);
    }

    private static Finding firstOrderTime(Conclusions c) {
        List<String> evidence = new ArrayList<>();
        for (Conclusions.Time t : c.time()) {
            evidence.add(onData(t.setting()));
            for (Conclusions.TimePair p : t.pairs()) {
                evidence.add(String.format(Locale.ROOT, "  %s / %s per-epoch time: %s → %s", p.a().label(),
                        p.b().label(), ratioText(p.ratio()), words(p.outcome())));
            }
        }
        return new Finding("3. \"All methods except MB-LBFGS take comparable time.\"",
                summary(c.timeOutcomes(), "no EpochTimeBenchmark results with two of SGD, Momentum, Adam, SGD-BB"),
                evidence);
    }

    private static Finding mbLbfgsTime(Conclusions c) {
        List<String> evidence = new ArrayList<>();
        for (Verdict.Entry e : c.verdict().entries()) {
            evidence.add(onData(e.setting()));
            Verdict.Comparison m = e.versusMean();
            evidence.add("  MB-LBFGS / " + m.versus() + ": " + ratioText(m.ratio()) + ", +20% "
                    + VerdictText.position(m));
        }
        long decided = c.mbLbfgsDecided();
        long inside = c.mbLbfgsInside();
        String v = decided == 0 ? "no verdict: no EpochTimeBenchmark setting with MB-LBFGS, others and a CI"
                : inside == decided ? "holds: +20% lies inside the interval in every setting"
                : inside == 0 ? "does not hold: +20% lies outside the interval in every setting measured"
                : "holds in part: +20% lies inside the interval in " + inside + " of " + decided + " settings";
        evidence.add("  (decomposition of the gap and the batch-size curve: see the verdict above)");
        return new Finding("4. \"MB-LBFGS takes about 20% longer.\"", v, evidence);
    }

    private static String words(Outcome o) {
        return switch (o) {
            case COMPARABLE -> "comparable";
            case NOT_COMPARABLE -> "not comparable";
            case UNDECIDED -> "undecided";
            case TOO_FEW -> "too few seeds to decide";
        };
    }

    private static String reached(Conclusions.Reach r, int epochs) {
        if (!r.reached()) {
            return "never reached in " + epochs + " epochs";
        }
        return String.format(Locale.ROOT, "epoch %d (%s sample-gradients, %.1f s)", r.epoch() + 1,
                Format.count(r.sampleGradients()), r.seconds());
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

    private static String differenceText(Conclusions.Difference d) {
        if (d.n1() < 2 || d.n2() < 2) {
            return String.format(Locale.ROOT, "%+.4f (n=%d, %d: too few seeds)", d.estimate(), d.n1(), d.n2());
        }
        return String.format(Locale.ROOT, "%+.4f, 95%% CI [%+.4f, %+.4f], 90%% CI [%+.4f, %+.4f]", d.estimate(),
                d.ci95().lower(), d.ci95().upper(), d.ci90().lower(), d.ci90().upper());
    }

    private static String ratioText(Statistics.Ratio r) {
        return r.hasCi() ? String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.estimate(), r.lower(), r.upper())
                : String.format(Locale.ROOT, "%.3f (%s)", r.estimate(), r.problem());
    }
}
