package org.sqnbench.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.report.results.Setting;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.SourceStudy;

/**
 * Does MB-LBFGS cost "about 20% more" per epoch than SGD, Momentum, Adam and SGD-BB? For every setting (network,
 * batch size, data) of the EpochTime results and every MB-LBFGS configuration in it, the ratio of MB-LBFGS's mean
 * per-epoch time to each other method's and to the mean of their means, each with a 95% confidence interval by the
 * delta method with a Welch–Satterthwaite t quantile ({@link Statistics#ratio}), over the series' independent
 * replicates ({@link EpochSeries#replicateTimes()}: one value per forked JVM, the mean of its measured, non-diverged
 * epochs); and whether the claimed ratio 1.2 lies inside it. Every mean time here is a mean of replicate means.
 *
 * <p>Then the gap to the others' mean is split: extra sample-gradients (MB-LBFGS computes about n/(1 − r) per epoch
 * instead of n), priced at SGD's epoch time per sample-gradient; the inverse-Hessian product, the kernel benchmark's
 * time × steps per epoch; adding curvature pairs, kernel time × accepted pairs; and the rest. The kernel times are
 * measured alone, so the split is an estimate, not an accounting.
 */
public final class Verdict {
    /** Where the claimed ratio lies relative to a ratio's interval. */
    public enum Position { INSIDE, BELOW, ABOVE, NO_CI }

    /** One ratio: MB-LBFGS over {@code versus}. */
    public record Comparison(String versus, Statistics.Ratio ratio) {
        /** Whether the claimed ratio lies inside the interval, or which side of it MB-LBFGS's cost lies. */
        public Position position() {
            if (!ratio.hasCi()) {
                return Position.NO_CI;
            }
            if (ratio.contains(SourceStudy.CLAIMED_RATIO)) {
                return Position.INSIDE;
            }
            return ratio.upper() < SourceStudy.CLAIMED_RATIO ? Position.BELOW : Position.ABOVE;
        }
    }

    /**
     * Where MB-LBFGS's extra time per epoch goes, in ms per epoch. Parts that were not measured are NaN and stay in
     * the rest.
     *
     * @param pricedBySgd whether a sample-gradient is priced at SGD's epoch time per sample-gradient (else at the
     *                    others' mean)
     * @param network     the network, and {@code memory} MB-LBFGS's memory, whose inverse-Hessian kernels priced the
     *                    product and the pairs (in the {@link Benchmarks#TRAINING_FORM} form)
     */
    public record Gap(double mbMs, double referenceMs, double mbSampleGradients, double referenceSampleGradients,
                      double msPerSampleGradient, boolean pricedBySgd, double steps, double productMs, double pairs,
                      double addPairMs, String network, String memory) {
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

    public static Verdict of(EpochData epochs, KernelTimes kernels) {
        return of(epochs, KernelSources.single(kernels));
    }

    /** The same, each breakdown from the kernels of the input that holds MB-LBFGS's epochs when it has them. */
    public static Verdict of(EpochData epochs, KernelSources kernels) {
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
                        .map(o -> new Comparison(o.label(),
                                Statistics.ratio(mb.replicateTimes(), List.of(o.replicateTimes())))).toList();
                Comparison mean = new Comparison("mean of the others",
                        Statistics.ratio(mb.replicateTimes(),
                                usable.stream().map(EpochSeries::replicateTimes).toList()));
                // SGD prices the extra sample-gradients: its epoch is little more than its gradients
                Optional<EpochSeries> sgd = epochs.sgd(EpochData.EPOCH_TIME, setting).filter(o -> o.sampleGradients() > 0);
                entries.add(new Entry(setting, mb, each, mean, gap(mb, usable, sgd, kernels), entryNotes));
            }
        }
        return new Verdict(List.copyOf(entries), List.copyOf(notes));
    }

    private static Gap gap(EpochSeries mb, List<EpochSeries> others, Optional<EpochSeries> sgd, KernelSources kernels) {
        double mbMs = mb.meanReplicateTime();
        double referenceMs = others.stream().mapToDouble(EpochSeries::meanReplicateTime).average().orElseThrow();
        double referenceGradients = others.stream().mapToDouble(EpochSeries::sampleGradients).average().orElseThrow();
        double perGradient = sgd.isPresent() ? sgd.get().meanReplicateTime() / sgd.get().sampleGradients()
                : referenceMs / referenceGradients;
        Setting s = mb.key().setting();
        Map<String, String> kernel = Map.of("network", s.network(), "memory", mb.key().memory(),
                "form", Benchmarks.TRAINING_FORM);
        double steps = mb.iterationsPerEpoch();
        Optional<KernelTimes.Point> product = kernels.first(k -> k.find(Benchmarks.PRODUCT, kernel, s.threads()), mb);
        Optional<KernelTimes.Point> addPair = kernels.first(k -> k.find(Benchmarks.ADD_PAIR, kernel, s.threads()), mb);
        double offered = Math.max(0, steps - 1);
        double pairs = Double.isNaN(mb.skippedPairs()) ? offered : Math.max(0, offered - mb.skippedPairs());
        return new Gap(mbMs, referenceMs, mb.sampleGradients(), referenceGradients, perGradient, sgd.isPresent(), steps,
                product.map(p -> p.time().mean()).orElse(Double.NaN), pairs,
                addPair.map(p -> p.time().mean()).orElse(Double.NaN), s.network(), mb.key().memory());
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Settings without a verdict and why. */
    public List<String> notes() {
        return notes;
    }
}
