package org.sqnbench.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sqnbench.report.analysis.OverheadModel;
import org.sqnbench.report.text.Format;
import org.sqnbench.study.ChartId;

/** The overhead model's predictions against the measured MB-LBFGS/SGD ratios ({@link OverheadModel}). */
final class ModelCharts {
    private final OverheadModel model;

    ModelCharts(OverheadModel model) {
        this.model = model;
    }

    /** Predicted against measured, one series per network, with y = x and the ±10% lines. */
    Drawing predictedVsMeasured() {
        if (model.rows().isEmpty()) {
            return Drawing.none();
        }
        Map<String, List<OverheadModel.Row>> byNetwork = new LinkedHashMap<>();
        model.rows().forEach(r -> byNetwork.computeIfAbsent(r.setting().network(), k -> new ArrayList<>()).add(r));
        String title = "MB-LBFGS time per epoch over SGD's: cost model against measurement";
        XYChart chart = ChartParts.xy(title, "measured ratio (MB-LBFGS / SGD)", "predicted ratio (kernel model)");
        double max = 0;
        double min = Double.POSITIVE_INFINITY;
        int i = 0;
        for (Map.Entry<String, List<OverheadModel.Row>> e : byNetwork.entrySet()) {
            double[] x = e.getValue().stream().mapToDouble(OverheadModel.Row::measured).toArray();
            double[] y = e.getValue().stream().mapToDouble(OverheadModel.Row::predicted).toArray();
            XYSeries s = chart.addSeries(e.getKey(), x, y);
            Color c = ChartStyle.palette(i++);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(c);
            // points only: the rows are settings, not a sequence
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            for (int j = 0; j < x.length; j++) {
                max = Math.max(max, Math.max(x[j], y[j]));
                min = Math.min(min, Math.min(x[j], y[j]));
            }
        }
        // ratios sit well above 0: the axes span the points, with room for the ±10% lines
        double top = max * 1.15;
        double bottom = Math.max(0, Math.floor(min * 0.85 * 10) / 10);
        line(chart, "predicted = measured", 1, bottom, top, Color.BLACK, ChartStyle.SOLID);
        double t = OverheadModel.TOLERANCE;
        String pct = Format.fixed(100 * t, 0) + "%";
        line(chart, "±" + pct, 1 + t, bottom, top, Color.GRAY, ChartStyle.DASHED);
        line(chart, "-" + pct, 1 - t, bottom, top, Color.GRAY, ChartStyle.DASHED).setShowInLegend(false);
        chart.getStyler().setXAxisMin(bottom);
        chart.getStyler().setYAxisMin(bottom);
        chart.getStyler().setXAxisMax(top);
        chart.getStyler().setYAxisMax(top);
        ChartStyle.finish(chart, false);
        return Drawing.of(new ChartSpec(ChartId.OVERHEAD_MODEL.file(), title + " (EpochTimeBenchmark ratios against"
                + " the model from the kernel benchmarks; solid: equal; dashed: ±" + pct + ")", chart), List.of());
    }

    /** y = slope·x inside the square [bottom, top]². */
    private static XYSeries line(XYChart chart, String name, double slope, double bottom, double top, Color c,
                                 BasicStroke stroke) {
        double start = Math.max(bottom, bottom / slope);
        double end = Math.min(top, top / slope);
        XYSeries s = chart.addSeries(name, new double[] {start, end}, new double[] {slope * start, slope * end});
        s.setLineColor(c);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }
}
