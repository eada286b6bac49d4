package org.sqnbench.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sqnbench.report.analysis.CostModel;
import org.sqnbench.report.analysis.KernelTimes;
import org.sqnbench.report.text.Format;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.ChartId;
import org.sqnbench.study.Traffic;

/**
 * The hot kernels' charts: the inverse-Hessian product and pair update against the memory m, the overlap gradient
 * against the samples it covers, and SGD-BB's end-of-epoch step; each beside the time its modelled traffic would take
 * at the measured memory bandwidth ({@link CostModel}).
 */
final class KernelCharts {
    private final KernelTimes kernels;

    KernelCharts(KernelTimes kernels) {
        this.kernels = kernels;
    }

    /**
     * Time of one inverse-Hessian call ({@code method} product or addPair) against the memory m, both forms, with
     * the time the modelled traffic would take at the measured memory bandwidth.
     */
    Drawing inverseHessian(String network, String method) {
        String benchmark = method.equals("product") ? Benchmarks.PRODUCT : Benchmarks.ADD_PAIR;
        ChartId id = method.equals("product") ? ChartId.INVERSE_HESSIAN_PRODUCT : ChartId.INVERSE_HESSIAN_ADDPAIR;
        List<KernelTimes.Point> points = kernels.of(benchmark).stream()
                .filter(p -> p.param("network").equals(network)).toList();
        if (points.isEmpty()) {
            return Drawing.none();
        }
        long n = CostModel.parameters(network);
        String what = method.equals("product") ? "product H·g" : "adding a curvature pair";
        String title = network + " (n = " + Format.count(n) + "): inverse-Hessian " + what + " against memory m";
        XYChart chart = ChartParts.xy(title, "memory m (curvature pairs)", "time per call (ms), error bars: 95% CI");
        Map<String, List<KernelTimes.Point>> byForm = new TreeMap<>();
        points.forEach(p -> byForm.computeIfAbsent(p.param("form") + ChartParts.threadsSuffix(points, p), k -> new ArrayList<>())
                .add(p));
        int i = 0;
        for (Map.Entry<String, List<KernelTimes.Point>> e : byForm.entrySet()) {
            List<KernelTimes.Point> ps = new ArrayList<>(e.getValue());
            ps.sort((a, b) -> Integer.compare(a.intParam("memory"), b.intParam("memory")));
            double[] m = ps.stream().mapToDouble(p -> p.intParam("memory")).toArray();
            double[] t = ps.stream().mapToDouble(p -> p.time().mean()).toArray();
            double[] err = ps.stream().mapToDouble(p -> p.time().hasCi() ? p.time().halfWidth() : 0).toArray();
            Color color = ChartStyle.palette(i++);
            XYSeries measured = chart.addSeries(e.getKey() + ", measured", m, t, err);
            measured.setLineColor(color);
            measured.setMarkerColor(color);
            measured.setMarker(SeriesMarkers.CIRCLE);
            String form = ps.get(0).param("form");
            Optional<KernelTimes.Bandwidth> bw = kernels.bandwidth(ps.get(0).param("threads"));
            if (bw.isPresent() && n > 0) {
                double[] bound = ps.stream().mapToDouble(p -> bw.get().millis(method.equals("product")
                        ? CostModel.productBytes(form, p.intParam("memory"), n)
                        : CostModel.addPairBytes(form, p.intParam("memory"), n))).toArray();
                String model = method.equals("product") ? (form.equals("two-loop") ? "10·m·n" : "4·m·n") + " floats"
                        : (form.equals("compact") ? "2·m·n + 4n" : "4n") + " floats";
                XYSeries b = chart.addSeries(e.getKey() + ", bandwidth bound (" + model + " at "
                        + Format.sig(bw.get().gbPerSecond()) + " GB/s)", m, bound);
                b.setLineColor(color);
                b.setLineStyle(ChartStyle.DASHED);
                b.setMarker(SeriesMarkers.TRIANGLE_DOWN);
                b.setMarkerColor(color);
            }
        }
        List<String> notes = kernels.of(Benchmarks.TRIAD).isEmpty()
                ? List.of(id.file(network) + ": no MemoryBandwidth result, so no bandwidth bound drawn") : List.of();
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.finish(chart, true);
        return Drawing.of(new ChartSpec(id.file(network), title + " (InverseHessianBenchmark." + method
                + "; dashed: modelled bytes / measured triad bandwidth)", chart), notes);
    }

    /** The overlap gradient ∇F_O over l samples and the full minibatch gradient, against samples per gradient. */
    Drawing gradientCost(String network) {
        List<KernelTimes.Point> overlap = kernels.of(Benchmarks.OVERLAP_GRADIENT).stream()
                .filter(p -> p.param("network").equals(network)).toList();
        List<KernelTimes.Point> floor = kernels.of(Benchmarks.GRADIENT_FLOOR).stream()
                .filter(p -> p.param("network").equals(network)).toList();
        if (overlap.isEmpty()) {
            return Drawing.none();
        }
        String title = network + ": cost of one gradient against the samples it covers";
        XYChart chart = ChartParts.xy(title, "samples per gradient (overlap l, or batch size)",
                "time per gradient (ms), error bars: 95% CI");
        addKernelLine(chart, "overlap gradient ∇F_O (l samples)", overlap, "overlapSize", ChartStyle.palette(0));
        if (!floor.isEmpty()) {
            addKernelLine(chart, "minibatch gradient (gradient floor)", floor, "batchSize", ChartStyle.palette(1));
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.finish(chart, true);
        return Drawing.of(new ChartSpec(ChartId.GRADIENT_COST.file(network), title
                + " (OverlapGradientBenchmark, GradientFloorBenchmark)", chart), List.of());
    }

    private static void addKernelLine(XYChart chart, String name, List<KernelTimes.Point> points, String xParam, Color c) {
        List<KernelTimes.Point> ps = new ArrayList<>(points);
        ps.sort((a, b) -> Integer.compare(a.intParam(xParam), b.intParam(xParam)));
        XYSeries s = chart.addSeries(name, ps.stream().mapToDouble(p -> p.intParam(xParam)).toArray(),
                ps.stream().mapToDouble(p -> p.time().mean()).toArray(),
                ps.stream().mapToDouble(p -> p.time().hasCi() ? p.time().halfWidth() : 0).toArray());
        s.setLineColor(c);
        s.setMarkerColor(c);
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    /** SGD-BB's end-of-epoch step on one network, beside its bandwidth bound. */
    Drawing bbStep(String network) {
        List<KernelTimes.Point> points = kernels.of(Benchmarks.BB_STEP).stream()
                .filter(p -> p.param("network").equals(network)).toList();
        if (points.isEmpty()) {
            return Drawing.none();
        }
        long n = CostModel.parameters(network);
        String title = network + " (n = " + Format.count(n) + "): SGD-BB end-of-epoch step (once per epoch)";
        CategoryChart chart = ChartParts.bars(title, "ND4J threads parameter (0 = per-network default)",
                "time per step (ms), error bars: 95% CI");
        List<String> categories = points.stream().map(p -> "threads=" + p.param("threads")).distinct().toList();
        Map<String, double[]> measured = new TreeMap<>();
        Map<String, double[]> bound = new TreeMap<>();
        for (KernelTimes.Point p : points) {
            String category = "threads=" + p.param("threads");
            measured.put(category, ChartParts.bar(p.time()));
            kernels.bandwidth(p.param("threads")).filter(b -> n > 0).ifPresent(b -> bound.put(category,
                    new double[] {b.millis(CostModel.bbStepBytes(n)), 0}));
        }
        ChartParts.addBars(chart, "measured", categories, measured, ChartStyle.palette(0));
        if (!bound.isEmpty()) {
            KernelTimes.Bandwidth bw = kernels.bandwidth(points.get(0).param("threads")).orElseThrow();
            ChartParts.addBars(chart, "bandwidth bound (" + Traffic.BB_STEP_PASSES + "·n floats at " + Format.sig(bw.gbPerSecond()) + " GB/s)", categories,
                    bound, Color.GRAY);
        }
        ChartStyle.finish(chart);
        return Drawing.of(new ChartSpec(ChartId.BB_STEP.file(network), title + " (BbStepBenchmark)", chart), List.of());
    }
}
