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
        StringBuilder b = new StringBuilder("\nThe source study's four conclusions, measured (every verdict reads "
                + "two-sided 95% intervals):\n");
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
        if (!c.quality().isEmpty()) {
            evidence.add(String.format(Locale.ROOT, "Read as non-inferiority: a method's mean final test accuracy "
                    + "is not worse than the reference's by more than δ = %.2f (one accuracy point). Non-inferior when "
                    + "the "
                    + "lower bound of the 95%% Welch interval of the difference lies above −δ (a one-sided test at "
                    + "2.5%%), inferior when its upper bound lies below −δ, undecided otherwise. A seed that diverged "
                    + "counts as a failure of its method, not as a missing value: its accuracy enters as chance, "
                    + "%.2f (10 classes).%n", Conclusions.ACCURACY_MARGIN, Conclusions.CHANCE_ACCURACY));
        }
        for (Conclusions.Quality q : c.quality()) {
            evidence.add(onData(q.setting()));
            for (Conclusions.Finals f : q.finals()) {
                evidence.add(String.format(Locale.ROOT, "  final test accuracy %s: %s; test loss %s; %d of %d seed(s) "
                        + "diverged%s", f.series().label(), meanText(f.accuracy(), 4), meanText(f.loss(), 3),
                        f.divergedSeeds(), f.series().runs().size(), f.divergedSeeds() == 0 ? ""
                        : " (accuracy counted at chance, loss over the others)"));
            }
            for (Conclusions.QualityPair p : q.pairs()) {
                evidence.add(String.format(Locale.ROOT, "  %s − %s accuracy: %s → %s (δ = %.2f)%s",
                        p.a().label(), p.b().label(), differenceText(p.difference()), words(p.outcome()),
                        Conclusions.ACCURACY_MARGIN, p.difference().significantlyBetter()
                                ? "; also significantly better (interval above 0)" : ""));
            }
        }
        return new Finding("1. \"Quasi-Newton methods are comparable with Adam and SGD-Momentum in solution quality.\"",
                summary(c.qualityOutcomes(), Outcome.NON_INFERIOR, Outcome.INFERIOR, "no ConvergenceBenchmark "
                        + "results with MB-LBFGS or SGD-BB and Adam or Momentum"), evidence);
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
                summary(c.timeOutcomes(), Outcome.COMPARABLE, Outcome.NOT_COMPARABLE,
                        "no EpochTimeBenchmark results with two of SGD, Momentum, Adam, SGD-BB"),
                evidence);
    }

    private static Finding mbLbfgsTime(Conclusions c) {
        List<String> evidence = new ArrayList<>();
        for (Verdict.Entry e : c.verdict().entries()) {
            evidence.add(onData(e.setting()));
            Verdict.Comparison m = e.versusMean();
            evidence.add("  " + e.mbLbfgs().label() + " / " + m.versus() + ": " + ratioText(m.ratio()) + ", +20% "
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
            case NON_INFERIOR -> "non-inferior";
            case INFERIOR -> "inferior";
            case COMPARABLE -> "comparable";
            case NOT_COMPARABLE -> "not comparable";
            case UNDECIDED -> "undecided";
            case TOO_FEW -> "too few to decide";
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

    /**
     * The verdict over a conclusion's comparisons: {@code yes} is the outcome that supports the claim (non-inferior,
     * comparable), {@code no} the one that refutes it.
     */
    private static String summary(List<Outcome> outcomes, Outcome yes, Outcome no, String none) {
        String unit = yes == Outcome.NON_INFERIOR ? "seeds" : "replicates (independent forks)";
        if (outcomes.isEmpty()) {
            return "no verdict: " + none;
        }
        String shown = yes == Outcome.NON_INFERIOR ? "non-inferior within δ" : "equivalent within the margin";
        String refuted = yes == Outcome.NON_INFERIOR ? "are inferior by more than δ" : "lie outside the margin";
        long supported = outcomes.stream().filter(o -> o == yes).count();
        long not = outcomes.stream().filter(o -> o == no).count();
        long few = outcomes.stream().filter(o -> o == Outcome.TOO_FEW).count();
        if (few == outcomes.size()) {
            return "cannot be decided: too few " + unit;
        }
        if (supported == outcomes.size()) {
            return "holds: every comparison is " + shown;
        }
        if (not > 0) {
            return "does not hold: " + not + " of " + outcomes.size() + " comparisons " + refuted
                    + (supported > 0 ? " (" + supported + " " + shown + ")" : "");
        }
        return "undecided: " + supported + " of " + outcomes.size() + " comparisons shown " + shown + ", the others' "
                + "intervals straddle the margin" + (few > 0 ? " or have too few " + unit : "");
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
        return String.format(Locale.ROOT, "%+.4f, 95%% CI [%+.4f, %+.4f] (n=%d, %d)", d.estimate(), d.ci().lower(),
                d.ci().upper(), d.n1(), d.n2());
    }

    private static String ratioText(Statistics.Ratio r) {
        return r.hasCi() ? String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", r.estimate(), r.lower(), r.upper())
                : String.format(Locale.ROOT, "%.3f (%s)", r.estimate(), r.problem());
    }
}
