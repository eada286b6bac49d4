package org.sqnbench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which charts the report draws from the results at hand, and a note for each one it skips for lack of data.
 * The study's two networks are always considered, so a missing one shows up as skipped, not silently absent.
 */
public final class ChartPlan {
    /** The networks of the study, in report order. */
    static final List<String> NETWORKS = List.of("mlp", "cnn");

    private final List<ChartSpec> charts = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    private ChartPlan() {
    }

    public static ChartPlan of(Charts charts, EpochData epochs, Kernels kernels) {
        ChartPlan plan = new ChartPlan();
        Set<String> networks = new LinkedHashSet<>(NETWORKS);
        networks.addAll(epochs.networks(EpochData.CONVERGENCE));
        networks.addAll(epochs.networks(EpochData.EPOCH_TIME));
        for (String n : networks) {
            String missing = "no ConvergenceBenchmark results for " + n;
            plan.add(charts.trainLossByEpoch(n), "train loss per epoch, " + n, missing);
            plan.add(charts.testAccuracyByEpoch(n), "test accuracy per epoch, " + n, missing);
            plan.add(charts.trainLossByTime(n), "train loss against time, " + n, missing);
            plan.add(charts.finalAccuracy(n), "final test accuracy, " + n, missing);
        }
        for (String n : networks) {
            String missing = "no EpochTimeBenchmark results for " + n;
            plan.add(charts.epochTime(n), "time per epoch, " + n, missing);
            plan.add(charts.epochTimeVsSource(n), "time per epoch relative to SGD vs the source, " + n,
                    missing + " with SGD");
        }
        plan.add(charts.mbLbfgsOverhead(), "MB-LBFGS overhead against batch size",
                "no EpochTimeBenchmark setting with MB-LBFGS and another optimizer");
        for (String n : networks) {
            plan.add(charts.inverseHessian(n, "product"), "inverse-Hessian product, " + n,
                    "no InverseHessianBenchmark.product results for " + n);
            plan.add(charts.inverseHessian(n, "addPair"), "inverse-Hessian addPair, " + n,
                    "no InverseHessianBenchmark.addPair results for " + n);
            plan.add(charts.gradientCost(n), "overlap gradient against l, " + n,
                    "no OverlapGradientBenchmark results for " + n);
            plan.add(charts.bbStep(n), "SGD-BB step, " + n, "no BbStepBenchmark results for " + n);
        }
        return plan;
    }

    private void add(Optional<ChartSpec> chart, String what, String why) {
        chart.ifPresentOrElse(charts::add, () -> skipped.add(what + ": skipped, " + why));
    }

    public List<ChartSpec> charts() {
        return charts;
    }

    public List<String> skipped() {
        return skipped;
    }
}
