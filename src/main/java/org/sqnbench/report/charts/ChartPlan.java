package org.sqnbench.report.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.sqnbench.report.analysis.KernelSources;
import org.sqnbench.report.analysis.KernelTimes;
import org.sqnbench.report.analysis.OverheadModel;
import org.sqnbench.report.analysis.Verdict;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.study.ChartId;
import org.sqnbench.study.StudyNetwork;

/**
 * Which charts the report draws from the results at hand, a note for each one it skips for lack of data, and the
 * notes the drawing left. The study's two networks are always considered, so a missing one shows up as skipped, not
 * silently absent.
 */
public final class ChartPlan {
    private final List<ChartSpec> charts = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private ChartPlan() {
    }

    public static ChartPlan of(EpochData epochs, KernelSources sources, Verdict verdict) {
        KernelTimes kernels = sources.pooled();
        ConvergenceCharts convergence = new ConvergenceCharts(epochs);
        TimeCharts time = new TimeCharts(epochs, verdict);
        KernelCharts kernel = new KernelCharts(kernels);
        ChartPlan plan = new ChartPlan();
        Set<String> networks = new LinkedHashSet<>();
        Arrays.stream(StudyNetwork.values()).forEach(n -> networks.add(n.cliName()));
        networks.addAll(epochs.networks(EpochData.CONVERGENCE));
        networks.addAll(epochs.networks(EpochData.EPOCH_TIME));
        for (String n : networks) {
            String missing = "no ConvergenceBenchmark results for " + n;
            plan.add(convergence.trainLossByEpoch(n), ChartId.CONVERGENCE_LOSS, n, missing);
            plan.add(convergence.testAccuracyByEpoch(n), ChartId.CONVERGENCE_ACCURACY, n, missing);
            plan.add(convergence.trainLossByTime(n), ChartId.CONVERGENCE_LOSS_TIME, n, missing);
            plan.add(convergence.finalAccuracy(n), ChartId.FINAL_ACCURACY, n, missing);
        }
        for (String n : networks) {
            String missing = "no EpochTimeBenchmark results for " + n;
            plan.add(time.epochTime(n), ChartId.EPOCH_TIME, n, missing);
            plan.add(time.epochTimeVsSource(n), ChartId.EPOCH_TIME_VS_SOURCE, n, missing + " with SGD");
        }
        plan.add(time.mbLbfgsOverhead(), ChartId.MBLBFGS_OVERHEAD, null,
                "no EpochTimeBenchmark setting with MB-LBFGS and another optimizer");
        plan.add(new ModelCharts(OverheadModel.of(epochs, sources)).predictedVsMeasured(), ChartId.OVERHEAD_MODEL, null,
                "no MB-LBFGS setting with SGD, pairsHeld and every kernel the overhead model needs");
        for (String n : networks) {
            plan.add(kernel.inverseHessian(n, "product"), ChartId.INVERSE_HESSIAN_PRODUCT, n,
                    "no InverseHessianBenchmark.product results for " + n);
            plan.add(kernel.inverseHessian(n, "addPair"), ChartId.INVERSE_HESSIAN_ADDPAIR, n,
                    "no InverseHessianBenchmark.addPair results for " + n);
            plan.add(kernel.gradientCost(n), ChartId.GRADIENT_COST, n, "no OverlapGradientBenchmark results for " + n);
            plan.add(kernel.bbStep(n), ChartId.BB_STEP, n, "no BbStepBenchmark results for " + n);
        }
        return plan;
    }

    /** @param network null for a whole-study chart */
    private void add(Drawing drawing, ChartId id, String network, String why) {
        notes.addAll(drawing.notes());
        drawing.chart().ifPresentOrElse(charts::add,
                () -> skipped.add(id.what() + (network == null ? "" : ", " + network) + ": skipped, " + why));
    }

    public List<ChartSpec> charts() {
        return charts;
    }

    /** One line per chart not drawn, and why. */
    public List<String> skipped() {
        return skipped;
    }

    /** What the drawing noted, in plan order. */
    public List<String> notes() {
        return notes;
    }
}
