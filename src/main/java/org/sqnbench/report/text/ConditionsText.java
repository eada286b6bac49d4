package org.sqnbench.report.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sqnbench.report.analysis.MbLbfgsFloor;
import org.sqnbench.report.analysis.OverheadModel;
import org.sqnbench.report.analysis.Statistics;
import org.sqnbench.report.analysis.Verdict;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.study.Method;
import org.sqnbench.study.SourceStudy;
import org.sqnbench.study.StudyNetwork;

/**
 * report.md's conditions section: under which MB-LBFGS settings the +20% claim holds (the {@link Verdict}'s ratio to
 * the others' mean), what the {@link OverheadModel} predicts for each, and what the source's own setting must have
 * been for its 1.21, with each setting's floor per epoch ({@link MbLbfgsFloor}) between the two.
 */
public final class ConditionsText {
    private ConditionsText() {
    }

    /** The section, without its heading's chart (the report embeds that). */
    public static String markdown(Verdict verdict, OverheadModel model, List<MbLbfgsFloor.Row> floor,
                                  OverheadModel.SourceSetting source) {
        StringBuilder b = new StringBuilder();
        b.append("One row per MB-LBFGS setting of the EpochTime results: its per-epoch time over the mean of the ")
                .append("other optimizers in the same setting with the verdict's 95% interval, whether that interval ")
                .append("contains ").append(Format.ratio(SourceStudy.CLAIMED_RATIO))
                .append(", and the cost model's predicted ratio to SGD beside the measured one (mean of the runs' ")
                .append("mean epoch times). The model is built from kernel benchmarks only, those of the input (study ")
                .append("folder or file) that holds the setting's epochs when it has every kernel the model needs, ")
                .append("else those of all inputs pooled: ")
                .append("per step the batch gradient with its three parts kept apart, G₃(b, r) (PartGradients), ")
                .append("the step's own vector work (MbLbfgsStep: the step with free gradients and an empty memory) ")
                .append("and what the product H·g adds over the mean pairs held (InverseHessian product, by its ")
                .append("passes); per kept pair the pair update (InverseHessian addPair); per change from vector ")
                .append("calls to a gradient ")
                .append("(2 per MB-LBFGS step, 1 per SGD step) the handoff between the vector calls' and the gradient's threads, ")
                .append("from the Handoff benchmark; SGD's epoch = n/b × (G(b) + its update, 3 vector passes at the ")
                .append("triad bandwidth of the same thread count, + a handoff). r is the ")
                .append("overlap fraction, m the memory; a \"pass\" epoch takes (n − l)/(b − l) ")
                .append("steps, an \"iterations\" epoch n/b.\n\n");
        b.append("| network | batch | r | m | epoch form | MB-LBFGS / others' mean (95% CI) | contains 1.2 | ")
                .append("model / SGD | measured / SGD | model error |\n")
                .append("|---|---:|---:|---:|---|---|---|---:|---:|---:|\n");
        List<String> consistent = new ArrayList<>();
        int above = 0;
        int below = 0;
        for (Verdict.Entry e : verdict.entries()) {
            EpochSeries mb = e.mbLbfgs();
            Statistics.Ratio r = e.versusMean().ratio();
            Verdict.Position position = e.versusMean().position();
            switch (position) {
                case INSIDE -> consistent.add(name(mb));
                case ABOVE -> above++;
                case BELOW -> below++;
                default -> { }
            }
            Optional<OverheadModel.Row> row = model.row(mb);
            b.append("| ").append(e.setting().network()).append(e.setting().threadsNote()).append(" | ")
                    .append(e.setting().batchSize()).append(" | ")
                    .append(mb.key().overlap()).append(" | ").append(mb.key().memory()).append(" | ")
                    .append(form(mb)).append(" | ").append(Format.ratio(r.estimate()))
                    .append(r.hasCi() ? " (" + Format.ratio(r.lower()) + " – " + Format.ratio(r.upper()) + ")" : " (no CI)")
                    .append(" | ").append(switch (position) {
                        case INSIDE -> "yes";
                        case ABOVE -> "no, above";
                        case BELOW -> "no, below";
                        case NO_CI -> "no CI";
                    }).append(" | ")
                    .append(row.map(x -> Format.ratio(x.predicted())).orElse("—")).append(" | ")
                    .append(row.map(x -> Format.ratio(x.measured())).orElse("—")).append(" | ")
                    .append(row.map(x -> percent(x.relativeError())).orElse("—")).append(" |\n");
        }
        int total = verdict.entries().size();
        b.append('\n');
        if (total == 0) {
            b.append("No MB-LBFGS EpochTime result beside another optimizer: no conditions to compare.\n");
        } else if (consistent.isEmpty()) {
            b.append("None of the ").append(total).append(" settings is consistent with +20%: ").append(above)
                    .append(" cost more (interval above 1.2), ").append(below).append(" less (interval below).\n");
        } else {
            b.append(consistent.size()).append(" of ").append(total).append(" settings ")
                    .append(consistent.size() == 1 ? "is" : "are").append(" consistent with +20% (interval ")
                    .append("contains 1.2): ").append(String.join("; ", consistent)).append(". Of the others, ")
                    .append(above).append(" cost more and ").append(below).append(" less.\n");
        }
        b.append('\n').append(accuracy(model)).append("\nThe model's rows as CSV: [").append(OverheadModel.CSV_FILE)
                .append("](").append(OverheadModel.CSV_FILE).append(").\n");
        if (!model.notes().isEmpty()) {
            b.append('\n');
            model.notes().forEach(n -> b.append("- ").append(n).append('\n'));
        }
        b.append(FloorText.markdown(floor));
        b.append("\n### What the source's setting must have been\n\n").append(source(source));
        return b.toString();
    }

    /** The model's accuracy in one paragraph: how many predictions lie within the tolerance, and the worst. */
    static String accuracy(OverheadModel model) {
        Optional<OverheadModel.Row> worst = model.worst();
        if (worst.isEmpty()) {
            return "The overhead model made no prediction (notes below say what was missing).\n";
        }
        long within = model.withinTolerance();
        OverheadModel.Row w = worst.get();
        return "The model predicts " + within + " of " + model.rows().size() + " ratios within ±"
                + Format.fixed(100 * OverheadModel.TOLERANCE, 0) + "% of the measured ones; the worst relative error is "
                + percent(w.relativeError()) + " (" + name(w.mbLbfgs()) + ": predicted " + Format.ratio(w.predicted())
                + ", measured " + Format.ratio(w.measured()) + "; of its predicted " + Format.sig(w.mb().totalMs())
                + " ms, gradients " + Format.sig(w.mb().gradientPart()) + ", the steps' own vector work "
                + Format.sig(w.mb().vectorPart()) + ", products " + Format.sig(w.mb().productPart()) + ", pair updates "
                + Format.sig(w.mb().addPairPart()) + ", handoffs " + Format.sig(w.mb().handoffPart()) + ").\n";
    }

    /** One line for the console: the model's worst error. */
    public static String text(OverheadModel model) {
        Optional<OverheadModel.Row> worst = model.worst();
        if (worst.isEmpty()) {
            return "Overhead model: no prediction (" + model.notes().size() + " MB-LBFGS settings skipped, see report.md)\n";
        }
        long within = model.withinTolerance();
        OverheadModel.Row w = worst.get();
        return "Overhead model: " + within + " of " + model.rows().size() + " MB-LBFGS/SGD ratios predicted within ±"
                + Format.fixed(100 * OverheadModel.TOLERANCE, 0) + "%; worst error " + percent(w.relativeError())
                + " (" + name(w.mbLbfgs()) + ": predicted " + Format.ratio(w.predicted()) + ", measured "
                + Format.ratio(w.measured()) + ")\n";
    }

    /** The source-setting subsection. */
    static String source(OverheadModel.SourceSetting s) {
        String cnn = StudyNetwork.CNN.cliName();
        double claim = SourceStudy.mbLbfgsOverOthers(cnn).orElse(Double.NaN);
        int batches = (SourceStudy.CIFAR10_TRAIN_SAMPLES + SourceStudy.PRESUMED_BATCH - 1) / SourceStudy.PRESUMED_BATCH;
        StringBuilder b = new StringBuilder();
        b.append("The source's SGD took ").append(Format.fixed(SourceStudy.minutes(cnn, Method.SGD.cliName())
                        .orElse(Double.NaN), 2)).append(" min for ").append(SourceStudy.EPOCHS)
                .append(" CIFAR-10 epochs; at the presumed batch ").append(SourceStudy.PRESUMED_BATCH).append(" (")
                .append(Format.count(batches)).append(" batches per epoch) that is ").append(Format.fixed(s.sourceStepMs(), 2))
                .append(" ms per batch gradient and update on its hardware. Its MB-LBFGS took ")
                .append(Format.ratio(claim)).append("× the others' mean.");
        if (!s.missing().isEmpty()) {
            return b.append(" The model cannot be set to the source's setting: not measured: ")
                    .append(String.join(", ", s.missing())).append(".\n").toString();
        }
        b.append(" Our CNN's G(64) + SGD update is ").append(Format.sig(s.ourStepMs())).append(" ms; below, every ")
                .append("gradient time of the model is scaled by ").append(Format.sig(s.gradientScale()))
                .append(" to the source's speed while the vector work (passes, product, pair updates) keeps our ")
                .append("measured times, over the source's ").append(Format.count(SourceStudy.CIFAR10_TRAIN_SAMPLES))
                .append("-sample epoch, every pair kept and the memory full. A ratio to SGD is turned into one to the ")
                .append("others' mean by the source's own others/SGD, ")
                .append(Format.ratio(s.cases().get(0).othersOverSgd())).append(".\n\n")
                .append("| epoch form | r | m | steps (SGD ").append(Format.count(s.cases().get(0).oursSgd().steps()))
                .append(") | step floor k/k₀ (1/(1 − r)) | / SGD at our speed | / SGD at the source's | ")
                .append("/ others' mean at the source's | vector share, ours → source's | within ±")
                .append(Format.ratio(OverheadModel.SOURCE_MARGIN)).append(" of ").append(Format.ratio(claim))
                .append(" |\n|---|---:|---:|---:|---|---:|---:|---:|---|---|\n");
        for (OverheadModel.SourceCase c : s.cases()) {
            b.append("| ").append(c.epochForm()).append(" | ").append(plain(c.overlap())).append(" | ")
                    .append(c.memory()).append(" | ").append(Format.count(c.ours().steps())).append(" | ")
                    .append(Format.ratio(c.stepFloor())).append(" (").append(Format.ratio(c.passFloor())).append(") | ")
                    .append(Format.ratio(c.oursOverSgd())).append(" | ").append(Format.ratio(c.sourceOverSgd()))
                    .append(" | ").append(Format.ratio(c.sourceOverOthers())).append(" | ")
                    .append(percent(c.oursVectorShare()).replace("+", "")).append(" → ")
                    .append(percent(c.sourceVectorShare()).replace("+", "")).append(" | ")
                    .append(c.nearAtSourceSpeed(claim) ? "yes" : "no").append(" |\n");
        }
        List<OverheadModel.SourceCase> near = s.cases().stream().filter(c -> c.nearAtSourceSpeed(claim)).toList();
        b.append('\n').append(near.isEmpty() ? "No combination lands within ±" + Format.ratio(OverheadModel.SOURCE_MARGIN)
                + " of " + Format.ratio(claim) + " at the source's speed."
                : "At the source's speed, " + names(near) + " land" + (near.size() == 1 ? "s" : "") + " within ±"
                + Format.ratio(OverheadModel.SOURCE_MARGIN) + " of " + Format.ratio(claim) + ".");
        List<OverheadModel.SourceCase> excluded = s.cases().stream()
                .filter(c -> c.epochForm().equals(Method.DEFAULT_EPOCH_FORM)
                        && c.stepFloor() / c.othersOverSgd() > claim + OverheadModel.SOURCE_MARGIN).toList();
        if (!excluded.isEmpty()) {
            b.append(" A pass epoch's step count alone rules out r = ").append(excluded.stream()
                            .map(c -> plain(c.overlap())).distinct().collect(Collectors.joining(", ")))
                    .append(": its floor k/k₀ ≈ 1/(1 − r) is above ").append(Format.ratio(claim + OverheadModel.SOURCE_MARGIN))
                    .append(" even with free vector work.");
        }
        b.append(' ').append(speedSentence(s.cases(), claim)).append('\n');
        return b.toString();
    }

    /** Which verdicts depend on implementation speed: near the claim at the source's speed, not at ours, or back. */
    public static String speedSentence(List<OverheadModel.SourceCase> cases, double claim) {
        List<OverheadModel.SourceCase> gained = cases.stream()
                .filter(c -> c.nearAtSourceSpeed(claim) && !c.nearAtOurSpeed(claim)).toList();
        List<OverheadModel.SourceCase> lost = cases.stream()
                .filter(c -> !c.nearAtSourceSpeed(claim) && c.nearAtOurSpeed(claim)).toList();
        double lo = cases.stream().mapToDouble(OverheadModel.SourceCase::oursOverOthers).min().orElse(Double.NaN);
        double hi = cases.stream().mapToDouble(OverheadModel.SourceCase::oursOverOthers).max().orElse(Double.NaN);
        double slo = cases.stream().mapToDouble(OverheadModel.SourceCase::sourceOverOthers).min().orElse(Double.NaN);
        double shi = cases.stream().mapToDouble(OverheadModel.SourceCase::sourceOverOthers).max().orElse(Double.NaN);
        String range = "at our gradient speed the model gives " + Format.ratio(lo) + "–" + Format.ratio(hi)
                + "× the others' mean, at the source's " + Format.ratio(slo) + "–" + Format.ratio(shi) + "×";
        if (gained.isEmpty() && lost.isEmpty()) {
            return "No verdict here depends on implementation speed: " + range + ", and no combination changes sides of "
                    + Format.ratio(claim) + " ± " + Format.ratio(OverheadModel.SOURCE_MARGIN) + ".";
        }
        List<String> parts = new ArrayList<>();
        if (!gained.isEmpty()) {
            parts.add(names(gained) + ", near " + Format.ratio(claim) + " at the source's speed but not at ours (a "
                    + "slower gradient makes the same L-BFGS vector work a smaller share of the step)");
        }
        if (!lost.isEmpty()) {
            parts.add(names(lost) + ", near it at our speed only");
        }
        return "The verdict depends on implementation speed for " + String.join("; ", parts) + ": " + range + ".";
    }

    private static String names(List<OverheadModel.SourceCase> cases) {
        return cases.stream().map(c -> c.epochForm() + " r=" + plain(c.overlap()) + " m=" + c.memory())
                .collect(Collectors.joining(", "));
    }

    /** e.g. "cnn b=1024 r=0.1 m=5 iterations". */
    private static String name(EpochSeries mb) {
        return mb.key().setting().network() + " b=" + mb.key().setting().batchSize() + " r=" + mb.key().overlap()
                + " m=" + mb.key().memory() + " " + form(mb);
    }

    private static String form(EpochSeries mb) {
        return mb.iterationsForm() ? Method.ITERATIONS_EPOCH_FORM : Method.DEFAULT_EPOCH_FORM;
    }

    /** 0.1 as "0.1", 0.25 as "0.25". */
    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String percent(double v) {
        return Double.isNaN(v) ? "n/a" : (v >= 0 ? "+" : "") + Format.fixed(100 * v, 1) + "%";
    }
}
