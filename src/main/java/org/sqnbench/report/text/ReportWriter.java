package org.sqnbench.report.text;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.sqnbench.report.analysis.Conclusions;
import org.sqnbench.report.analysis.CostModel;
import org.sqnbench.report.analysis.KernelSources;
import org.sqnbench.report.analysis.KernelTimes;
import org.sqnbench.report.analysis.MbLbfgsFloor;
import org.sqnbench.report.analysis.OverheadModel;
import org.sqnbench.report.analysis.Roofline;
import org.sqnbench.report.analysis.Statistics;
import org.sqnbench.report.analysis.UpdateCost;
import org.sqnbench.report.analysis.Verdict;
import org.sqnbench.report.results.DataLabels;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.EpochRun;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.Metric;
import org.sqnbench.report.results.RunSettings;
import org.sqnbench.report.results.Setting;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.ChartId;
import org.sqnbench.study.Method;
import org.sqnbench.study.SourceStudy;
import org.sqnbench.study.StudyNetwork;

/** Writes report.md: the verdict, the tables behind every chart, what data and environment the numbers come from. */
public final class ReportWriter {
    private final List<Path> inputs;
    private final List<JmhResult> results;
    private final EpochData epochs;
    private final KernelTimes kernels;
    private final KernelSources sources;
    private final Verdict verdict;
    private final ConclusionsText conclusions;
    private final List<Figure> figures;
    private final List<String> skipped;
    private final List<String> notes;
    private final Set<String> embedded = new LinkedHashSet<>();

    /**
     * @param figures the charts drawn, in the order of the report's "Other charts" section
     * @param skipped one line per chart not drawn, and why
     * @param notes   anything else a reader should know (left-out results, series with nothing to draw)
     */
    public ReportWriter(List<Path> inputs, List<JmhResult> results, EpochData epochs, KernelSources sources,
                        Verdict verdict, Conclusions conclusions, List<Figure> figures, List<String> skipped,
                        List<String> notes) {
        this.conclusions = ConclusionsText.of(conclusions);
        this.inputs = inputs;
        this.results = results;
        this.epochs = epochs;
        this.kernels = sources.pooled();
        this.sources = sources;
        this.verdict = verdict;
        this.figures = figures;
        this.skipped = skipped;
        this.notes = notes;
    }

    public String markdown() {
        StringBuilder b = new StringBuilder("# sqnbench report\n\n");
        b.append("From ").append(inputs.stream().map(p -> "`" + p + "`").collect(Collectors.joining(", ")))
                .append(": ").append(results.size()).append(" benchmark results. ")
                .append("All times are wall-clock on the machine that ran the benchmarks. Every interval is a ")
                .append("two-sided 95% interval, and every verdict (the time ratios, \"comparable time\", the ")
                .append("non-inferiority of accuracy) reads that one level.\n");
        syntheticWarning(b);
        b.append("\n## Verdict\n\n").append(VerdictText.markdown(verdict));
        embed(b, ChartId.MBLBFGS_OVERHEAD.file());
        conditions(b);
        b.append("\n## The source study's four conclusions\n\n").append(conclusions.markdown());
        for (String network : epochs.networks(EpochData.CONVERGENCE)) {
            embed(b, ChartId.FINAL_ACCURACY.file(network));
        }
        epochTimes(b);
        updateCost(b);
        memory(b);
        convergence(b);
        kernelSection(b);
        data(b);
        environment(b);
        rest(b);
        return b.toString();
    }

    private void syntheticWarning(StringBuilder b) {
        boolean synthetic = allSettings().stream().anyMatch(Setting::synthetic);
        if (synthetic) {
            b.append("\n**CNN results with data=embedded trained on SYNTHETIC CIFAR-shaped data**, not CIFAR-10: their ")
                    .append("times are representative, their loss and accuracy say nothing about CIFAR-10.\n");
        }
    }

    private void epochTimes(StringBuilder b) {
        b.append("\n## Time per epoch\n\n");
        SortedSet<Setting> settings = epochs.settings(EpochData.EPOCH_TIME);
        if (settings.isEmpty()) {
            b.append("No EpochTimeBenchmark results.\n");
            return;
        }
        b.append("EpochTimeBenchmark: each measured iteration is one whole epoch after warm-up epochs. A replicate ")
                .append("is one forked JVM with its own seed; its value is the mean of its measured epochs (diverged ")
                .append("epochs left out). The epochs within a fork are repeated measures of one JVM, not independent ")
                .append("draws, so every interval and ratio of per-epoch time in this report (this table, the ")
                .append("verdict, conclusion 3, the charts) is computed over the replicates: ms per epoch is the mean ")
                .append("of the replicate means ± the 95% t interval over them, and each ratio has a 95% interval by ")
                .append("the delta method over replicate means with a Welch–Satterthwaite t quantile. Fewer than 2 ")
                .append("replicates give no interval. The within-replicate trend is the mean over replicates of the ")
                .append("last measured epoch's time minus the first's (and that as a share of the mean): the drift of ")
                .append("the repeated measures, e.g. JIT warm-up left over (negative) or MB-LBFGS's memory filling ")
                .append("up (positive). samples/s counts each training sample once per epoch (MB-LBFGS's ")
                .append("overlapping batches compute more sample-gradients for the same samples).\n");
        for (Setting s : settings) {
            b.append("\n### ").append(s.description()).append("\n\n");
            b.append("| optimizer | replicates (epochs) | ms per epoch | within-replicate trend, ms | samples/s | ")
                    .append("sample-gradients per epoch | ratio to SGD | ND4J threads | notes |\n")
                    .append("|---|---:|---:|---:|---:|---:|---|---:|---|\n");
            Optional<EpochSeries> sgd = epochs.sgd(EpochData.EPOCH_TIME, s);
            for (EpochSeries e : epochs.series(EpochData.EPOCH_TIME, s)) {
                b.append("| ").append(e.label()).append(" | ").append(e.replicates()).append(" (")
                        .append(e.times().length);
                if (e.divergedEpochs() > 0) {
                    b.append(" of ").append(e.epochs());
                }
                b.append(") | ");
                if (e.allDiverged()) {
                    b.append("diverged | — | diverged | — | — | ");
                } else {
                    Statistics.MeanCi m = Statistics.mean(e.replicateTimes());
                    b.append(replicateMeanCi(m)).append(" | ").append(trend(e)).append(" | ")
                            .append(Format.count(e.samplesPerEpoch() / (m.mean() / 1e3)))
                            .append(" | ").append(Format.count(e.sampleGradients())).append(" | ");
                    if (sgd.isEmpty()) {
                        b.append("no SGD result");
                    } else if (sgd.get() == e) {
                        b.append("1");
                    } else {
                        Statistics.Ratio r = Statistics.ratio(e.replicateTimes(), List.of(sgd.get().replicateTimes()));
                        b.append(Format.ratio(r.estimate())).append(r.hasCi()
                                ? " (" + Format.ratio(r.lower()) + " – " + Format.ratio(r.upper()) + ")"
                                : " (" + r.problem() + ")");
                    }
                    b.append(" | ");
                }
                b.append(threads(e.threadsUsed())).append(" | ").append(seriesNotes(e)).append(" |\n");
            }
        }
        b.append("\nThe source study (15 epochs on its hardware, minutes; ratio to its SGD):\n\n")
                .append("| dataset | SGD | Momentum | Adam | SGD-BB | MB-LBFGS |\n|---|---:|---:|---:|---:|---:|\n");
        for (StudyNetwork network : StudyNetwork.values()) {
            String n = network.cliName();
            b.append("| ").append(SourceStudy.dataset(n));
            for (Method method : Method.values()) {
                String o = method.cliName();
                OptionalDouble min = SourceStudy.minutes(n, o);
                b.append(" | ").append(min.isPresent() ? Format.fixed(min.getAsDouble(), 2) + " ("
                        + Format.ratio(SourceStudy.ratioToSgd(n, o).getAsDouble()) + ")" : "—");
            }
            b.append(" |\n");
        }
        for (String n : networksWithCharts()) {
            embed(b, ChartId.EPOCH_TIME.file(n));
            embed(b, ChartId.EPOCH_TIME_VS_SOURCE.file(n));
        }
    }

    private void updateCost(StringBuilder b) {
        b.append("\n## What each optimizer adds to SGD's step\n\n")
                .append("Per step, from the epoch times above: the optimizer's time per step minus SGD's (same ")
                .append("setting, Welch 95% CI over replicates), against the bytes its update must read and write ")
                .append("per step at the triad bandwidth measured in the same results. MB-LBFGS's added time also ")
                .append("holds its split ")
                .append("gradient (three smaller passes instead of one), which is compute, not traffic. The MLP's ")
                .append("vectors stay in the caches, so its bound is loose. Target: added ≤ ")
                .append(Format.ratio(UpdateCost.TARGET)).append("× bound.\n\n")
                .append(Tables.updateCost(UpdateCost.of(epochs, sources)));
    }

    private void memory(StringBuilder b) {
        b.append("\n## Memory across epochs\n\n").append(Tables.memory(epochs.series(EpochData.EPOCH_TIME)));
    }

    private void convergence(StringBuilder b) {
        b.append("\n## Convergence\n\n");
        SortedSet<Setting> settings = epochs.settings(EpochData.CONVERGENCE);
        if (settings.isEmpty()) {
            b.append("No ConvergenceBenchmark results.\n");
            return;
        }
        b.append("ConvergenceBenchmark: no warm-up, every epoch from a fresh model measured, one fork per seed. ")
                .append("The first epoch includes JIT warm-up. Final values are after the last epoch every seed ")
                .append("completed; diverged epochs are reported, never plotted.\n");
        for (Setting s : settings) {
            b.append("\n### ").append(s.description()).append("\n\n")
                    .append("| optimizer | seeds | epochs | final train loss: mean (min – max) | ")
                    .append("final test accuracy: mean (min – max) | time of those epochs, s | notes |\n")
                    .append("|---|---:|---:|---|---|---:|---|\n");
            for (EpochSeries e : epochs.series(EpochData.CONVERGENCE, s)) {
                int done = e.commonEpochs();
                b.append("| ").append(e.label()).append(" | ").append(e.runs().size()).append(" | ").append(done)
                        .append(" of ").append(e.runs().stream().mapToInt(EpochRun::epochs).max().orElse(0))
                        .append(" | ");
                if (done == 0) {
                    b.append("diverged | diverged | — | ");
                } else {
                    int last = done - 1;
                    b.append(spread(e, r -> r.trainLoss()[last], 1, 4)).append(" | ")
                            .append(spread(e, r -> r.testAccuracy()[last], 100, 1)).append(" | ")
                            .append(Format.sig(e.runs().stream().mapToDouble(r -> {
                                double t = 0;
                                for (int i = 0; i < done; i++) {
                                    t += r.timeMs()[i];
                                }
                                return t / 1e3;
                            }).average().orElse(Double.NaN))).append(" | ");
                }
                b.append(seriesNotes(e)).append(" |\n");
            }
        }
        for (String n : networksWithCharts()) {
            embed(b, ChartId.CONVERGENCE_LOSS.file(n));
            embed(b, ChartId.CONVERGENCE_ACCURACY.file(n));
            embed(b, ChartId.CONVERGENCE_LOSS_TIME.file(n));
        }
    }

    private void kernelSection(StringBuilder b) {
        b.append("\n## Hot kernels and calibration\n\n");
        if (kernels.isEmpty()) {
            b.append("No kernel results.\n");
            return;
        }
        b.append("Average time per call, mean ± 95% t interval over the measured iterations. For memory-bound ")
                .append("kernels, \"traffic\" is the modelled bytes moved and \"effective GB/s\" that over the time; ")
                .append("the bound is the traffic at the measured triad bandwidth")
                .append(" (with a kernel's own thread count when measured, else the highest). The MLP's n-vectors")
                .append(" are 0.44 MB and largely stay in the caches, so its kernels can beat that DRAM bound;")
                .append(" the CNN's (16 MB each) cannot.\n\n")
                .append("| kernel | parameters | ms per call | traffic | effective GB/s | bandwidth bound, ms |\n")
                .append("|---|---|---:|---:|---:|---:|\n");
        List<KernelTimes.Point> all = new ArrayList<>();
        for (String k : List.of(Benchmarks.PRODUCT, Benchmarks.ADD_PAIR, Benchmarks.COLD_PRODUCT,
                Benchmarks.COLD_ADD_PAIR, Benchmarks.BB_STEP, Benchmarks.OVERLAP_GRADIENT,
                Benchmarks.GRADIENT_FLOOR, Benchmarks.SGEMM, Benchmarks.TRIAD)) {
            all.addAll(kernels.of(k));
        }
        for (KernelTimes.Point p : all) {
            double bytes = CostModel.traffic(p);
            Optional<KernelTimes.Bandwidth> bw = kernels.bandwidth(p.param("threads"));
            b.append("| ").append(p.result().shortName()).append(" | ").append(p.result().paramText()).append(" | ")
                    .append(meanCi(p.time())).append(" | ")
                    .append(Double.isNaN(bytes) ? "—" : Format.sig(bytes / 1e6) + " MB").append(" | ")
                    .append(Double.isNaN(bytes) ? "—" : Format.sig(bytes / (p.time().mean() / 1e3) / 1e9)).append(" | ")
                    .append(Double.isNaN(bytes) || bw.isEmpty() || p.result().shortName().equals(Benchmarks.TRIAD) ? "—"
                            : Format.sig(bw.get().millis(bytes)))
                    .append(" |\n");
        }
        for (KernelTimes.Point p : kernels.of(Benchmarks.SGEMM)) {
            b.append("\nCalibration (").append(p.result().paramText()).append("): 512³ sgemm in ")
                    .append(Format.sig(p.time().mean())).append(" ms = ").append(Format.sig(CostModel.gflops(p)))
                    .append(" GFLOP/s.");
        }
        for (KernelTimes.Point p : kernels.of(Benchmarks.TRIAD)) {
            b.append("\nMemory bandwidth (").append(p.result().paramText()).append("): triad over 2^25 floats, ")
                    .append(Format.sig(CostModel.gbPerSecond(p))).append(" GB/s.");
        }
        b.append('\n').append(RooflineText.markdown(Roofline.of(sources)));
        for (String n : networksWithCharts()) {
            embed(b, ChartId.INVERSE_HESSIAN_PRODUCT.file(n));
            embed(b, ChartId.INVERSE_HESSIAN_ADDPAIR.file(n));
            embed(b, ChartId.GRADIENT_COST.file(n));
            embed(b, ChartId.BB_STEP.file(n));
        }
    }

    private void conditions(StringBuilder b) {
        b.append("\n## Conditions: where MB-LBFGS costs about +20%\n\n").append(ConditionsText.markdown(verdict,
                OverheadModel.of(epochs, sources), MbLbfgsFloor.of(epochs, sources),
                OverheadModel.sourceSetting(sources, epochs)));
        embed(b, ChartId.OVERHEAD_MODEL.file());
    }

    private void data(StringBuilder b) {
        b.append("\n## Data\n\n");
        Set<String> lines = new LinkedHashSet<>();
        for (Setting s : allSettings()) {
            lines.add("- " + s.network() + ": " + DataLabels.describe(s.network(), s.data(), s.trainSize())
                    + (s.synthetic() ? " — synthetic" : ""));
        }
        if (lines.isEmpty()) {
            b.append("No training runs in these results (kernels use the embedded data only for gradient inputs).\n");
        }
        lines.forEach(l -> b.append(l).append('\n'));
    }

    private void environment(StringBuilder b) {
        b.append("\n## Environment\n\n")
                .append("As recorded in the JMH JSON. ND4J threads: the `threads` metric the epoch benchmarks report, ")
                .append("or the kernels' `threads` parameter (0 = the per-network default: MLP 1, CNN 2).\n\n")
                .append("| benchmark | JMH | JDK | VM | forks | warm-up | measurement | JVM arguments | ND4J backend | ")
                .append("ND4J threads |\n|---|---|---|---|---:|---|---|---|---|---|\n");
        Map<String, Set<String>> rows = new LinkedHashMap<>();
        for (JmhResult r : results) {
            RunSettings s = r.settings();
            String row = "| " + r.benchmarkClass() + " | " + s.jmhVersion() + " | " + s.jdkVersion() + " | "
                    + s.vmName() + " " + s.vmVersion() + " | " + s.forks() + " | " + iterations(s.warmupIterations(),
                    s.warmupTime()) + " | " + iterations(s.measurementIterations(), s.measurementTime()) + " | "
                    + (s.jvmArgs().isEmpty() ? "—" : s.jvmArgs().stream().map(a -> "`" + a + "`")
                    .collect(Collectors.joining(" "))) + " | " + s.backend() + " | ";
            rows.computeIfAbsent(row, k -> new TreeSet<>()).add(threadsOf(r));
        }
        rows.forEach((row, threads) -> b.append(row).append(String.join(", ", threads)).append(" |\n"));
        Set<String> jvms = results.stream().map(r -> r.settings().jvm()).filter(j -> !j.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        if (!jvms.isEmpty()) {
            b.append("\nJVM: ").append(jvms.stream().map(j -> "`" + j + "`").collect(Collectors.joining(", ")))
                    .append('\n');
        }
    }

    private void rest(StringBuilder b) {
        List<Figure> others = figures.stream().filter(c -> !embedded.contains(c.file())).toList();
        if (!others.isEmpty()) {
            b.append("\n## Other charts\n");
            others.forEach(c -> embed(b, c.file()));
        }
        if (!skipped.isEmpty() || !notes.isEmpty()) {
            b.append("\n## Notes\n\n");
            skipped.forEach(s -> b.append("- Chart ").append(s).append('\n'));
            notes.forEach(s -> b.append("- ").append(s).append('\n'));
        }
    }

    private void embed(StringBuilder b, String file) {
        figures.stream().filter(c -> c.file().equals(file)).findFirst().ifPresent(c -> {
            b.append("\n![").append(c.caption()).append("](").append(c.file()).append(".png)\n\n*")
                    .append(c.caption()).append("* ([SVG](").append(c.file()).append(".svg))\n");
            embedded.add(c.file());
        });
    }

    private Set<Setting> allSettings() {
        Set<Setting> s = new LinkedHashSet<>(epochs.settings(EpochData.EPOCH_TIME));
        s.addAll(epochs.settings(EpochData.CONVERGENCE));
        return s;
    }

    private Set<String> networksWithCharts() {
        Set<String> n = new LinkedHashSet<>();
        Arrays.stream(StudyNetwork.values()).forEach(x -> n.add(x.cliName()));
        allSettings().forEach(s -> n.add(s.network()));
        return n;
    }

    private String threadsOf(JmhResult r) {
        Metric m = r.secondary("threads");
        if (m != null) {
            return Arrays.stream(m.all()).filter(Double::isFinite).mapToObj(v -> (r.param("network") == null
                    ? "" : r.param("network") + ": ") + (int) v).distinct().sorted().collect(Collectors.joining(", "));
        }
        return r.param("threads") == null ? "—" : (r.param("network") == null ? "" : r.param("network") + ": ")
                + "threads=" + r.param("threads");
    }

    private static String iterations(int n, String time) {
        return n + " × " + time;
    }

    private static String threads(SortedSet<Integer> t) {
        return t.isEmpty() ? "—" : t.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String seriesNotes(EpochSeries e) {
        if (e.allDiverged()) {
            return "diverged in every measured epoch";
        }
        return e.divergenceNote().isEmpty() ? "" : e.divergenceNote() + " (later epochs not results)";
    }

    /** A mean over replicates: "12.0 ± 1.3", or why there is no interval. */
    static String replicateMeanCi(Statistics.MeanCi m) {
        return Format.sig(m.mean()) + (m.hasCi() ? " ± " + Format.sig(m.halfWidth())
                : " (" + m.n() + " replicate, no CI)");
    }

    /** The within-replicate trend, "+2.00 (+16.7%)", or "—" when no replicate has two epochs. */
    private static String trend(EpochSeries e) {
        double t = e.withinReplicateTrendMs();
        if (Double.isNaN(t)) {
            return "—";
        }
        return (t > 0 ? "+" : "") + Format.sig(t) + " (" + String.format(Locale.ROOT, "%+.1f%%",
                100 * t / e.meanReplicateTime()) + ")";
    }

    /** A kernel's mean over iterations: "0.281 ± 0.002", or why there is no interval. */
    static String meanCi(Statistics.MeanCi m) {
        return Format.sig(m.mean()) + (m.hasCi() ? " ± " + Format.sig(m.halfWidth()) : " (n=" + m.n() + ", no CI)");
    }

    private static String spread(EpochSeries e, ToDoubleFunction<EpochRun> value, double scale,
                                 int decimals) {
        double[] v = e.runs().stream().mapToDouble(value).map(x -> x * scale).toArray();
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double min = Arrays.stream(v).min().orElse(Double.NaN);
        double max = Arrays.stream(v).max().orElse(Double.NaN);
        String unit = scale == 100 ? "%" : "";
        return Format.fixed(mean, decimals) + unit + (v.length > 1
                ? " (" + Format.fixed(min, decimals) + " – " + Format.fixed(max, decimals) + ")" : "");
    }
}
