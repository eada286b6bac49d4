package org.sqnbench.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sqnbench.report.analysis.Conclusions;
import org.sqnbench.report.analysis.Statistics;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.EpochRun;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.report.results.Setting;
import org.sqnbench.study.ChartId;

/**
 * The ConvergenceBenchmark's charts: loss and accuracy curves against epoch and time (mean over seeds with a min–max
 * band), and the final accuracy per optimizer. A curve stops at the first epoch at which any of its seeds diverged,
 * and its legend says so.
 */
final class ConvergenceCharts {
    private final EpochData epochs;

    ConvergenceCharts(EpochData epochs) {
        this.epochs = epochs;
    }

    Drawing trainLossByEpoch(String network) {
        return curves(network, ChartId.CONVERGENCE_LOSS, "train loss per epoch", "epoch",
                "train loss (mean minibatch NLL)", EpochRun::trainLoss, 1, false);
    }

    Drawing testAccuracyByEpoch(String network) {
        return curves(network, ChartId.CONVERGENCE_ACCURACY, "test accuracy after each epoch", "epoch",
                "test accuracy (%)", EpochRun::testAccuracy, 100, false);
    }

    Drawing trainLossByTime(String network) {
        return curves(network, ChartId.CONVERGENCE_LOSS_TIME, "train loss against training time",
                "cumulative training time (s, epochs only, test evaluation excluded)", "train loss (mean minibatch NLL)",
                EpochRun::trainLoss, 1, true);
    }

    private Drawing curves(String network, ChartId id, String what, String xTitle, String yTitle,
                           Function<EpochRun, double[]> metric, double scale, boolean byTime) {
        String file = id.file(network);
        List<EpochSeries> series = epochs.series(EpochData.CONVERGENCE).stream()
                .filter(s -> s.key().setting().network().equals(network)).toList();
        if (series.isEmpty()) {
            return Drawing.none();
        }
        Set<Setting> settings = new LinkedHashSet<>();
        series.forEach(s -> settings.add(s.key().setting()));
        int seeds = series.stream().mapToInt(s -> s.runs().size()).max().orElse(0);
        String title = network + " on " + ChartParts.dataTitle(settings) + ": " + what;
        XYChart chart = ChartParts.xy(title, xTitle, yTitle);
        List<String> notes = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        int drawn = 0;
        for (EpochSeries s : series) {
            String label = (settings.size() > 1 ? ChartParts.settingPrefix(s.key().setting()) : "") + s.label();
            EpochSeries.Curve c = s.curve(metric, scale);
            if (c.length() == 0) {
                notes.add(file + ": " + label + " has no epoch to draw (" + s.divergenceNote() + ")");
                continue;
            }
            double[] x = byTime ? Arrays.copyOf(s.curve(EpochRun::elapsedSeconds, 1).mean(), c.length())
                    : epochNumbers(c.length());
            if (!s.divergenceNote().isEmpty()) {
                label += " (" + s.divergenceNote() + ")";
            }
            Color color = ChartStyle.optimizer(s.optimizer());
            int nth = seen.merge(s.optimizer(), 1, Integer::sum) - 1;
            if (c.length() > 1 && s.runs().size() > 1) {
                XYSeries band = chart.addSeries(label + " min-max", outline(x, x), outline(c.max(), c.min()));
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(ChartStyle.translucent(color));
                band.setLineColor(ChartStyle.translucent(color));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
            XYSeries line = chart.addSeries(label, x, c.mean());
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(color);
            line.setLineStyle(ChartStyle.stroke(nth));
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setMarkerColor(color);
            drawn++;
        }
        if (drawn == 0) {
            return Drawing.none(notes);
        }
        ChartStyle.finish(chart, !byTime);
        return Drawing.of(new ChartSpec(file, title + " (ConvergenceBenchmark; line: mean of "
                + (seeds > 1 ? seeds + " seeds, band: min-max over seeds" : "1 seed") + ")", chart), notes);
    }

    /** 1, 2, …, n: epochs are numbered from 1 in the charts. */
    private static double[] epochNumbers(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    /** A band's outline: along {@code there}, back along {@code back}. */
    private static double[] outline(double[] there, double[] back) {
        double[] b = new double[2 * there.length];
        for (int i = 0; i < there.length; i++) {
            b[i] = there[i];
            b[b.length - 1 - i] = back[i];
        }
        return b;
    }

    /** Final test accuracy per optimizer (last Convergence epoch, mean over seeds, 95% t interval). */
    Drawing finalAccuracy(String network) {
        SortedSet<Setting> settings = ChartParts.settingsOf(epochs, EpochData.CONVERGENCE, network);
        if (settings.isEmpty()) {
            return Drawing.none();
        }
        List<String> categories = new ArrayList<>();
        for (Setting setting : settings) {
            for (EpochSeries s : epochs.series(EpochData.CONVERGENCE, setting)) {
                if (!categories.contains(s.label())) {
                    categories.add(s.label());
                }
            }
        }
        String title = network + " on " + ChartParts.dataTitle(settings) + ": final test accuracy";
        CategoryChart chart = ChartParts.bars(title, "optimizer",
                "test accuracy after the last epoch, error bars: 95% CI");
        int i = 0;
        for (Setting setting : settings) {
            Map<String, double[]> values = new TreeMap<>();
            for (EpochSeries s : epochs.series(EpochData.CONVERGENCE, setting)) {
                double[] finals = Conclusions.finals(s, true);
                if (finals.length > 0) {
                    values.put(s.label(), ChartParts.bar(Statistics.mean(finals)));
                }
            }
            ChartParts.addBars(chart, ChartParts.settingName(setting, settings), categories, values,
                    ChartStyle.palette(i++));
        }
        ChartStyle.finish(chart);
        return Drawing.of(new ChartSpec(ChartId.FINAL_ACCURACY.file(network), title
                + " (ConvergenceBenchmark, mean over seeds that did not diverge, 95% t interval)", chart), List.of());
    }
}
