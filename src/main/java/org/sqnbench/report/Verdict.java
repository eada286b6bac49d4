package org.sqnbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Does MB-LBFGS cost "about 20% more" per epoch than SGD, Momentum, Adam and SGD-BB? For every setting (network,
 * batch size, data) of the EpochTime results and every MB-LBFGS configuration in it, the ratio of MB-LBFGS's mean
 * per-epoch time to each other method's and to the mean of their means, each with a 95% confidence interval by the
 * delta method with a Welch–Satterthwaite t quantile ({@link Statistics#ratio}), over every measured, non-diverged
 * epoch of every fork; and whether the claimed ratio 1.2 lies inside it.
 *
 * <p>Then the gap to the others' mean is split: extra sample-gradients (MB-LBFGS computes about n/(1 − r) per epoch
 * instead of n), priced at SGD's epoch time per sample-gradient; the inverse-Hessian product, the kernel benchmark's
 * time × steps per epoch; adding curvature pairs, kernel time × accepted pairs; and the rest. The kernel times are
 * measured alone, so the split is an estimate, not an accounting.
 */
public final class Verdict {
    /** One ratio: MB-LBFGS over {@code versus}. */
    public record Comparison(String versus, Statistics.Ratio ratio) {
        /** "inside", "outside (...)" or why there is no interval. */
        public String position() {
            Statistics.Ratio r = ratio;
            if (!r.hasCi()) {
                return "no CI: " + r.problem();
            }
            if (r.contains(SourceStudy.CLAIMED_RATIO)) {
                return "inside";
            }
            return r.upper() < SourceStudy.CLAIMED_RATIO ? "outside (MB-LBFGS costs less than +20%)"
                    : "outside (MB-LBFGS costs more than +20%)";
        }
    }

    /**
     * Where MB-LBFGS's extra time per epoch goes, in ms per epoch. Parts that were not measured are NaN and stay in
     * the rest.
     *
     * @param costSource what the per-sample-gradient price came from
     */
    public record Gap(double mbMs, double referenceMs, double mbSampleGradients, double referenceSampleGradients,
                      double msPerSampleGradient, String costSource, double steps, double productMs,
                      String productSource, double pairs, double addPairMs, String addPairSource) {
        public double gapMs() {
            return mbMs - referenceMs;
        }

        public double extraGradientsMs() {
            return (mbSampleGradients - referenceSampleGradients) * msPerSampleGradient;
        }

        public double productEpochMs() {
            return steps * productMs;
        }

        public double addPairEpochMs() {
            return pairs * addPairMs;
        }

        public double restMs() {
            return gapMs() - zeroIfNaN(extraGradientsMs()) - zeroIfNaN(productEpochMs()) - zeroIfNaN(addPairEpochMs());
        }

        private static double zeroIfNaN(double v) {
            return Double.isNaN(v) ? 0 : v;
        }
    }

    /** The verdict for one MB-LBFGS configuration in one setting. */
    public record Entry(Setting setting, EpochSeries mbLbfgs, List<Comparison> versusEach, Comparison versusMean,
                        Gap gap, List<String> notes) {
    }

    private final List<Entry> entries;
    private final List<String> notes;

    private Verdict(List<Entry> entries, List<String> notes) {
        this.entries = entries;
        this.notes = notes;
    }

    public static Verdict of(EpochData epochs, Kernels kernels) {
        List<Entry> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Setting setting : epochs.settings(EpochData.EPOCH_TIME)) {
            List<EpochSeries> all = epochs.series(EpochData.EPOCH_TIME, setting);
            List<EpochSeries> mbs = all.stream().filter(EpochSeries::isMbLbfgs).toList();
            List<EpochSeries> others = all.stream().filter(s -> !s.isMbLbfgs()).toList();
            if (mbs.isEmpty()) {
                notes.add(setting.shortName() + ": no MB-LBFGS result, no verdict");
                continue;
            }
            List<String> settingNotes = new ArrayList<>();
            for (EpochSeries o : others) {
                if (o.allDiverged()) {
                    settingNotes.add(o.label() + " diverged in every measured epoch: left out");
                } else if (o.divergedEpochs() > 0) {
                    settingNotes.add(o.label() + ": " + o.divergenceNote() + "; only its earlier epochs are used");
                }
            }
            List<EpochSeries> usable = others.stream().filter(o -> !o.allDiverged()).toList();
            for (EpochSeries mb : mbs) {
                if (mb.allDiverged()) {
                    notes.add(setting.shortName() + ": " + mb.label() + " diverged in every measured epoch, no verdict");
                    continue;
                }
                if (usable.isEmpty()) {
                    notes.add(setting.shortName() + ": no other optimizer with results to compare " + mb.label() + " with");
                    continue;
                }
                List<String> entryNotes = new ArrayList<>(settingNotes);
                if (mb.divergedEpochs() > 0) {
                    entryNotes.add(mb.label() + ": " + mb.divergenceNote() + "; only its earlier epochs are used");
                }
                List<Comparison> each = usable.stream()
                        .map(o -> new Comparison(o.label(), Statistics.ratio(mb.times(), List.of(o.times())))).toList();
                Comparison mean = new Comparison("mean of the others",
                        Statistics.ratio(mb.times(), usable.stream().map(EpochSeries::times).toList()));
                entries.add(new Entry(setting, mb, each, mean, gap(mb, usable, kernels), entryNotes));
            }
        }
        return new Verdict(List.copyOf(entries), List.copyOf(notes));
    }

    private static Gap gap(EpochSeries mb, List<EpochSeries> others, Kernels kernels) {
        double mbMs = Statistics.mean(mb.times()).mean();
        double referenceMs = others.stream().mapToDouble(o -> Statistics.mean(o.times()).mean()).average().orElseThrow();
        double referenceGradients = others.stream().mapToDouble(EpochSeries::sampleGradients).average().orElseThrow();
        // SGD's epoch is little more than its gradients, so its time per sample-gradient prices the extra ones
        Optional<EpochSeries> sgd = others.stream()
                .filter(o -> o.optimizer().equals(EpochSeries.SGD) && o.sampleGradients() > 0).findFirst();
        double perGradient;
        String costSource;
        if (sgd.isPresent()) {
            perGradient = Statistics.mean(sgd.get().times()).mean() / sgd.get().sampleGradients();
            costSource = "SGD's epoch time per sample-gradient";
        } else {
            perGradient = referenceMs / referenceGradients;
            costSource = "the others' mean epoch time per sample-gradient";
        }
        Setting s = mb.key().setting();
        Map<String, String> kernel = Map.of("network", s.network(), "memory", mb.key().memory(),
                "form", Kernels.TRAINING_FORM);
        double steps = mb.iterationsPerEpoch();
        Optional<Kernels.Point> product = kernels.find(Kernels.PRODUCT, kernel, s.threads());
        Optional<Kernels.Point> addPair = kernels.find(Kernels.ADD_PAIR, kernel, s.threads());
        double offered = Math.max(0, steps - 1);
        double pairs = Double.isNaN(mb.skippedPairs()) ? offered : Math.max(0, offered - mb.skippedPairs());
        String missing = "kernel not measured for " + s.network() + ", m=" + mb.key().memory() + ", "
                + Kernels.TRAINING_FORM + " form: run InverseHessian -p network=" + s.network() + " -p memory="
                + mb.key().memory() + " -p form=" + Kernels.TRAINING_FORM;
        return new Gap(mbMs, referenceMs, mb.sampleGradients(), referenceGradients, perGradient, costSource, steps,
                product.map(p -> p.time().mean()).orElse(Double.NaN),
                product.map(p -> "InverseHessian product kernel, " + Kernels.TRAINING_FORM + ", m=" + p.param("memory"))
                        .orElse(missing),
                pairs, addPair.map(p -> p.time().mean()).orElse(Double.NaN),
                addPair.map(p -> "InverseHessian addPair kernel, " + Kernels.TRAINING_FORM + ", m=" + p.param("memory"))
                        .orElse(missing));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Settings without a verdict and why. */
    public List<String> notes() {
        return notes;
    }

    private static String heading() {
        OptionalDouble claim = SourceStudy.mbLbfgsOverOthers("cnn");
        return "Verdict: does MB-LBFGS cost about 20% more per epoch than SGD, Momentum, Adam and SGD-BB?\n"
                + "(Source study, CIFAR-10, 15 epochs: MB-LBFGS 6.37 min vs 5.16-5.40 min, "
                + Format.ratio(claim.orElse(Double.NaN)) + "x the others' mean.)\n"
                + "Ratios of mean per-epoch times (EpochTime results: every measured epoch of every fork, diverged"
                + " epochs left out),\n95% CIs by the delta method with a Welch-Satterthwaite t quantile;"
                + " epochs are treated as independent.\n";
    }

    /** The verdict as console text. */
    public String text() {
        StringBuilder b = new StringBuilder(heading());
        if (entries.isEmpty()) {
            b.append("\nNo verdict: the results hold no EpochTime measurements of MB-LBFGS beside another optimizer.\n");
        }
        for (Entry e : entries) {
            b.append('\n').append(e.setting().description()).append(": ").append(e.mbLbfgs().label()).append('\n');
            List<Comparison> rows = new ArrayList<>(e.versusEach());
            rows.add(e.versusMean());
            for (Comparison c : rows) {
                b.append(String.format("  vs %-20s %s  +20%%: %s%n", c.versus() + ":", ratioText(c.ratio()),
                        c.position()));
            }
            Gap g = e.gap();
            b.append("  Where its ").append(Format.sig(g.gapMs())).append(" ms per epoch over the others' mean (")
                    .append(Format.sig(g.referenceMs())).append(" ms) goes, estimated:\n");
            b.append("    extra sample-gradients  ").append(ms(g.extraGradientsMs())).append("  ")
                    .append(Format.count(g.mbSampleGradients())).append(" vs ")
                    .append(Format.count(g.referenceSampleGradients())).append(" per epoch at ")
                    .append(Format.sig(g.msPerSampleGradient())).append(" ms (").append(g.costSource()).append(")\n");
            b.append("    inverse-Hessian product ").append(ms(g.productEpochMs())).append("  ")
                    .append(how(g.steps(), "steps", g.productMs(), g.productSource(), "x")).append('\n');
            b.append("    adding curvature pairs  ").append(ms(g.addPairEpochMs())).append("  ")
                    .append(how(g.pairs(), "accepted pairs", g.addPairMs(), g.addPairSource(), "x")).append('\n');
            b.append("    the rest                ").append(ms(g.restMs())).append("  ").append(restText(g)).append('\n');
            e.notes().forEach(n -> b.append("  Note: ").append(n).append('\n'));
        }
        notes.forEach(n -> b.append("Note: ").append(n).append('\n'));
        return b.toString();
    }

    /** The verdict as Markdown for report.md. */
    public String markdown() {
        StringBuilder b = new StringBuilder();
        OptionalDouble claim = SourceStudy.mbLbfgsOverOthers("cnn");
        b.append("The source study's CIFAR-10 figures (15 epochs, MB-LBFGS 6.37 min vs 5.16–5.40 min) put MB-LBFGS at ")
                .append(Format.ratio(claim.orElse(Double.NaN))).append("× the others' mean: \"about 20% more\". ")
                .append("Below, ratios of mean per-epoch times from the EpochTime results (every measured epoch of every ")
                .append("fork, diverged epochs left out), with 95% confidence intervals by the delta method and a ")
                .append("Welch–Satterthwaite t quantile. Epochs are treated as independent draws, which makes the ")
                .append("intervals somewhat optimistic. \"Inside\" means the ratio 1.2 lies in the interval.\n");
        if (entries.isEmpty()) {
            b.append("\nNo verdict: the results hold no EpochTime measurements of MB-LBFGS beside another optimizer.\n");
        }
        for (Entry e : entries) {
            b.append("\n#### ").append(e.setting().description()).append(": ").append(e.mbLbfgs().label()).append("\n\n");
            b.append("| ").append(e.mbLbfgs().label()).append(" over | ratio | 95% CI | +20% (ratio 1.2) |\n")
                    .append("|---|---:|---|---|\n");
            List<Comparison> rows = new ArrayList<>(e.versusEach());
            rows.add(e.versusMean());
            for (Comparison c : rows) {
                Statistics.Ratio r = c.ratio();
                b.append("| ").append(c.versus()).append(" | ").append(Format.ratio(r.estimate())).append(" | ")
                        .append(r.hasCi() ? Format.ratio(r.lower()) + " – " + Format.ratio(r.upper()) : "—")
                        .append(" | ").append(c.position()).append(" |\n");
            }
            Gap g = e.gap();
            b.append("\nWhere the ").append(Format.sig(g.gapMs())).append(" ms per epoch over the others' mean (")
                    .append(Format.sig(g.referenceMs())).append(" ms; MB-LBFGS ").append(Format.sig(g.mbMs()))
                    .append(" ms) goes, estimated from separately measured kernels:\n\n")
                    .append("| part | ms per epoch | how |\n|---|---:|---|\n");
            b.append("| extra sample-gradients | ").append(Format.sig(g.extraGradientsMs())).append(" | ")
                    .append(Format.count(g.mbSampleGradients())).append(" vs ")
                    .append(Format.count(g.referenceSampleGradients())).append(" per epoch × ")
                    .append(Format.sig(g.msPerSampleGradient())).append(" ms (").append(g.costSource()).append(") |\n");
            b.append("| inverse-Hessian product | ").append(cell(g.productEpochMs())).append(" | ")
                    .append(how(g.steps(), "steps", g.productMs(), g.productSource(), "×")).append(" |\n");
            b.append("| adding curvature pairs | ").append(cell(g.addPairEpochMs())).append(" | ")
                    .append(how(g.pairs(), "accepted pairs", g.addPairMs(), g.addPairSource(), "×")).append(" |\n");
            b.append("| the rest | ").append(Format.sig(g.restMs())).append(" | ").append(restText(g)).append(" |\n");
            e.notes().forEach(n -> b.append("\nNote: ").append(n).append('\n'));
        }
        if (!notes.isEmpty()) {
            b.append('\n');
            notes.forEach(n -> b.append("- ").append(n).append('\n'));
        }
        return b.toString();
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
