package org.sqnbench.report.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.sqnbench.report.analysis.Statistics;
import org.sqnbench.report.analysis.Verdict.Comparison;
import org.sqnbench.report.analysis.Verdict.Entry;
import org.sqnbench.report.analysis.Verdict.Gap;
import org.sqnbench.report.analysis.Verdict;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.Method;
import org.sqnbench.study.SourceStudy;
import org.sqnbench.study.StudyNetwork;

/** The {@link Verdict} on "MB-LBFGS costs about 20% more", as console text and as report.md's section. */
public final class VerdictText {
    private VerdictText() {
    }

    /** The source's figures the claim rests on: "MB-LBFGS 6.37 min vs 5.16–5.40 min", {@code dash} between. */
    private static String sourceFigures(String dash) {
        String network = StudyNetwork.CNN.cliName();
        double mb = SourceStudy.minutes(network, Method.MB_LBFGS.cliName()).orElse(Double.NaN);
        double[] others = SourceStudy.othersMinutes(network);
        double lo = Arrays.stream(others).min().orElse(Double.NaN);
        double hi = Arrays.stream(others).max().orElse(Double.NaN);
        return "MB-LBFGS " + Format.fixed(mb, 2) + " min vs " + Format.fixed(lo, 2) + dash + Format.fixed(hi, 2)
                + " min";
    }

    private static String heading() {
        OptionalDouble claim = SourceStudy.mbLbfgsOverOthers(StudyNetwork.CNN.cliName());
        return "Verdict: does MB-LBFGS cost about 20% more per epoch than SGD, Momentum, Adam and SGD-BB?\n"
                + "(Source study, CIFAR-10, 15 epochs: " + sourceFigures("-") + ", "
                + Format.ratio(claim.orElse(Double.NaN)) + "x the others' mean.)\n"
                + "Ratios of mean per-epoch times (EpochTime results). A replicate is one forked JVM with its own"
                + " seed;\nits value is the mean of its measured epochs (diverged epochs left out). 95% CIs by the"
                + " delta method\nover replicate means with a Welch-Satterthwaite t quantile.\n";
    }

    /** The verdict as console text. */
    public static String text(Verdict verdict) {
        StringBuilder b = new StringBuilder(heading());
        if (verdict.entries().isEmpty()) {
            b.append("\nNo verdict: the results hold no EpochTime measurements of MB-LBFGS beside another optimizer.\n");
        }
        for (Entry e : verdict.entries()) {
            b.append('\n').append(e.setting().description()).append(": ").append(e.mbLbfgs().label()).append('\n');
            List<Comparison> rows = new ArrayList<>(e.versusEach());
            rows.add(e.versusMean());
            for (Comparison c : rows) {
                b.append(String.format("  vs %-20s %s  +20%%: %s%n", c.versus() + ":", ratioText(c.ratio()),
                        position(c)));
            }
            Gap g = e.gap();
            b.append("  Where its ").append(Format.sig(g.gapMs())).append(" ms per epoch over the others' mean (")
                    .append(Format.sig(g.referenceMs())).append(" ms) goes, estimated:\n");
            b.append("    extra sample-gradients  ").append(ms(g.extraGradientsMs())).append("  ")
                    .append(Format.count(g.mbSampleGradients())).append(" vs ")
                    .append(Format.count(g.referenceSampleGradients())).append(" per epoch at ")
                    .append(Format.sig(g.msPerSampleGradient())).append(" ms (").append(costSource(g)).append(")\n");
            b.append("    inverse-Hessian product ").append(ms(g.productEpochMs())).append("  ")
                    .append(how(g.steps(), "steps", g.productMs(), kernelSource(g, "product"), "x")).append('\n');
            b.append("    adding curvature pairs  ").append(ms(g.addPairEpochMs())).append("  ")
                    .append(how(g.pairs(), "accepted pairs", g.addPairMs(), kernelSource(g, "addPair"), "x"))
                    .append('\n');
            b.append("    the rest                ").append(ms(g.restMs())).append("  ").append(restText(g)).append('\n');
            e.notes().forEach(n -> b.append("  Note: ").append(n).append('\n'));
        }
        verdict.notes().forEach(n -> b.append("Note: ").append(n).append('\n'));
        return b.toString();
    }

    /** The verdict as Markdown for report.md. */
    public static String markdown(Verdict verdict) {
        StringBuilder b = new StringBuilder();
        OptionalDouble claim = SourceStudy.mbLbfgsOverOthers(StudyNetwork.CNN.cliName());
        b.append("The source study's CIFAR-10 figures (15 epochs, ").append(sourceFigures("–")).append(") put MB-LBFGS at ")
                .append(Format.ratio(claim.orElse(Double.NaN))).append("× the others' mean: \"about 20% more\". ")
                .append("Below, ratios of mean per-epoch times from the EpochTime results, with 95% confidence ")
                .append("intervals by the delta method over the independent replicates (one per forked JVM; see ")
                .append("\"Time per epoch\" for the replicates and their counts). \"Inside\" means the ratio 1.2 lies ")
                .append("in the interval.\n");
        if (verdict.entries().isEmpty()) {
            b.append("\nNo verdict: the results hold no EpochTime measurements of MB-LBFGS beside another optimizer.\n");
        }
        for (Entry e : verdict.entries()) {
            b.append("\n#### ").append(e.setting().description()).append(": ").append(e.mbLbfgs().label()).append("\n\n");
            b.append("| ").append(e.mbLbfgs().label()).append(" over | ratio | 95% CI | +20% (ratio 1.2) |\n")
                    .append("|---|---:|---|---|\n");
            List<Comparison> rows = new ArrayList<>(e.versusEach());
            rows.add(e.versusMean());
            for (Comparison c : rows) {
                Statistics.Ratio r = c.ratio();
                b.append("| ").append(c.versus()).append(" | ").append(Format.ratio(r.estimate())).append(" | ")
                        .append(r.hasCi() ? Format.ratio(r.lower()) + " – " + Format.ratio(r.upper()) : "—")
                        .append(" | ").append(position(c)).append(" |\n");
            }
            Gap g = e.gap();
            b.append("\nWhere the ").append(Format.sig(g.gapMs())).append(" ms per epoch over the others' mean (")
                    .append(Format.sig(g.referenceMs())).append(" ms; MB-LBFGS ").append(Format.sig(g.mbMs()))
                    .append(" ms) goes, estimated from separately measured kernels:\n\n")
                    .append("| part | ms per epoch | how |\n|---|---:|---|\n");
            b.append("| extra sample-gradients | ").append(Format.sig(g.extraGradientsMs())).append(" | ")
                    .append(Format.count(g.mbSampleGradients())).append(" vs ")
                    .append(Format.count(g.referenceSampleGradients())).append(" per epoch × ")
                    .append(Format.sig(g.msPerSampleGradient())).append(" ms (").append(costSource(g)).append(") |\n");
            b.append("| inverse-Hessian product | ").append(cell(g.productEpochMs())).append(" | ")
                    .append(how(g.steps(), "steps", g.productMs(), kernelSource(g, "product"), "×")).append(" |\n");
            b.append("| adding curvature pairs | ").append(cell(g.addPairEpochMs())).append(" | ")
                    .append(how(g.pairs(), "accepted pairs", g.addPairMs(), kernelSource(g, "addPair"), "×"))
                    .append(" |\n");
            b.append("| the rest | ").append(Format.sig(g.restMs())).append(" | ").append(restText(g)).append(" |\n");
            e.notes().forEach(n -> b.append("\nNote: ").append(n).append('\n'));
        }
        if (!verdict.notes().isEmpty()) {
            b.append('\n');
            verdict.notes().forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
    }

    /** "inside", "outside (...)" or why there is no interval. */
    public static String position(Comparison c) {
        return switch (c.position()) {
            case INSIDE -> "inside";
            case BELOW -> "outside (MB-LBFGS costs less than +20%)";
            case ABOVE -> "outside (MB-LBFGS costs more than +20%)";
            case NO_CI -> "no CI: " + c.ratio().problem();
        };
    }

    private static String costSource(Gap g) {
        return g.pricedBySgd() ? "SGD's epoch time per sample-gradient"
                : "the others' mean epoch time per sample-gradient";
    }

    /** Which kernel priced a part, or what to run when it was not measured. */
    private static String kernelSource(Gap g, String kernel) {
        boolean measured = !Double.isNaN(kernel.equals("product") ? g.productMs() : g.addPairMs());
        String form = Benchmarks.TRAINING_FORM;
        return measured ? "InverseHessian " + kernel + " kernel, " + form + ", m=" + g.memory()
                : "kernel not measured for " + g.network() + ", m=" + g.memory() + ", " + form
                + " form: run InverseHessian -p network=" + g.network() + " -p memory=" + g.memory() + " -p form=" + form;
    }

    /** "166 steps × 0.28 ms (source)", or the count and why there is no kernel time. */
    private static String how(double count, String what, double ms, String source, String times) {
        String n = Format.sig(count) + " " + what;
        return Double.isNaN(ms) ? n + "; " + source : n + " " + times + " " + Format.sig(ms) + " ms (" + source + ")";
    }

    private static String cell(double v) {
        return Double.isNaN(v) ? "not measured" : Format.sig(v);
    }

    private static String restText(Gap g) {
        String text = "vector bookkeeping, split-batch gradients, noise";
        if (Double.isNaN(g.productMs()) || Double.isNaN(g.addPairMs())) {
            text += ", and the unmeasured parts above";
        }
        if (g.restMs() < 0) {
            text += "; negative: the parts priced from separate measurements cost less inside the epoch";
        }
        return text;
    }

    private static String ratioText(Statistics.Ratio r) {
        return Format.ratio(r.estimate()) + (r.hasCi()
                ? " (95% CI " + Format.ratio(r.lower()) + "-" + Format.ratio(r.upper()) + ")"
                : " (no CI)");
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? String.format("%13s", "not measured") : String.format("%10s ms", Format.sig(v));
    }
}
