package org.sqnbench.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.sqnbench.report.analysis.Statistics;
import org.sqnbench.report.analysis.Verdict;
import org.sqnbench.report.results.DataLabels;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.report.results.Setting;
import org.sqnbench.report.text.Format;
import org.sqnbench.study.ChartId;
import org.sqnbench.study.SourceStudy;

/**
 * The EpochTimeBenchmark's charts: time per epoch with 95% intervals over replicates (one per forked JVM), the
 * same relative to SGD beside the source study's ratios, and MB-LBFGS's overhead over the others against batch size
 * (from the {@link Verdict}).
 */
final class TimeCharts {
    private final EpochData epochs;
    private final Verdict verdict;

    TimeCharts(EpochData epochs, Verdict verdict) {
        this.epochs = epochs;
        this.verdict = verdict;
    }

    Drawing epochTime(String network) {
        SortedSet<Setting> settings = ChartParts.settingsOf(epochs, EpochData.EPOCH_TIME, network);
        if (settings.isEmpty()) {
            return Drawing.none();
        }
        List<String> categories = ChartParts.categories(epochs, EpochData.EPOCH_TIME, settings);
        String title = network + " on " + ChartParts.dataTitle(settings) + ": time per epoch";
        CategoryChart chart = ChartParts.bars(title, "optimizer", "time per epoch (ms), error bars: 95% CI");
        int i = 0;
        for (Setting setting : settings) {
            Map<String, double[]> values = new TreeMap<>();
            for (EpochSeries s : epochs.series(EpochData.EPOCH_TIME, setting)) {
                if (!s.allDiverged()) {
                    values.put(s.label(), ChartParts.bar(Statistics.mean(s.replicateTimes())));
                }
            }
            ChartParts.addBars(chart, ChartParts.settingName(setting, settings), categories, values,
                    ChartStyle.palette(i++));
        }
        ChartStyle.finish(chart);
        return Drawing.of(new ChartSpec(ChartId.EPOCH_TIME.file(network), title
                + " (EpochTimeBenchmark, mean of the replicate means, one replicate per forked JVM; 95% t interval over"
                + " replicates)", chart), List.of());
    }

    /**
     * Per-epoch time relative to SGD in the same setting (delta-method 95% CI over replicates), beside the source
     * study's 15-epoch times relative to its SGD.
     */
    Drawing epochTimeVsSource(String network) {
        List<String> notes = new ArrayList<>();
        SortedSet<Setting> settings = new TreeSet<>();
        for (Setting s : ChartParts.settingsOf(epochs, EpochData.EPOCH_TIME, network)) {
            if (epochs.sgd(EpochData.EPOCH_TIME, s).isPresent()) {
                settings.add(s);
            } else {
                notes.add(ChartId.EPOCH_TIME_VS_SOURCE.file(network) + ": " + s.shortName() + " has no SGD result to scale by");
            }
        }
        if (settings.isEmpty()) {
            return Drawing.none(notes);
        }
        List<String> categories = ChartParts.categories(epochs, EpochData.EPOCH_TIME, settings);
        String title = network + ": time per epoch relative to SGD, this study vs the source ("
                + SourceStudy.dataset(network) + ")";
        CategoryChart chart = ChartParts.bars(title, "optimizer", "time / SGD's time (SGD = 1), error bars: 95% CI");
        int i = 0;
        for (Setting setting : settings) {
            EpochSeries sgd = epochs.sgd(EpochData.EPOCH_TIME, setting).orElseThrow();
            Map<String, double[]> values = new TreeMap<>();
            for (EpochSeries s : epochs.series(EpochData.EPOCH_TIME, setting)) {
                if (s.allDiverged()) {
                    continue;
                }
                if (s == sgd) {
                    values.put(s.label(), new double[] {1, 0});
                } else {
                    Statistics.Ratio r = Statistics.ratio(s.replicateTimes(), List.of(sgd.replicateTimes()));
                    values.put(s.label(), new double[] {r.estimate(), r.hasCi() ? (r.upper() - r.lower()) / 2 : 0});
                }
            }
            ChartParts.addBars(chart, "this study, " + ChartParts.settingName(setting, settings), categories, values,
                    ChartStyle.palette(i++));
        }
        Map<String, double[]> source = new TreeMap<>();
        for (Setting setting : settings) {
            for (EpochSeries s : epochs.series(EpochData.EPOCH_TIME, setting)) {
                OptionalDouble r = SourceStudy.ratioToSgd(network, s.optimizer());
                if (r.isPresent()) {
                    source.put(s.label(), new double[] {r.getAsDouble(), 0});
                }
            }
        }
        if (!source.isEmpty()) {
            ChartParts.addBars(chart, "source study, " + SourceStudy.dataset(network) + " (15-epoch minutes / SGD's)", categories,
                    source, Color.GRAY);
        } else {
            notes.add(ChartId.EPOCH_TIME_VS_SOURCE.file(network) + ": the source study has no figures for " + network);
        }
        ChartStyle.finish(chart);
        return Drawing.of(new ChartSpec(ChartId.EPOCH_TIME_VS_SOURCE.file(network), title
                + " (EpochTimeBenchmark, delta-method 95% CIs over replicates; the source's MNIST figures have no"
                + " MB-LBFGS)", chart), notes);
    }

    /** MB-LBFGS over the others' mean, against batch size, one line per network and MB-LBFGS configuration. */
    Drawing mbLbfgsOverhead() {
        Map<String, List<Verdict.Entry>> lines = new LinkedHashMap<>();
        for (Verdict.Entry e : verdict.entries()) {
            Setting s = e.setting();
            String name = s.network() + (s.trainSize() > 0 ? " (" + Format.count(s.trainSize()) + " samples)" : "")
                    + (DataLabels.embedded(s.data()) ? "" : " " + s.data()) + s.threadsNote() + ", "
                    + e.mbLbfgs().label();
            lines.computeIfAbsent(name, k -> new ArrayList<>()).add(e);
        }
        if (lines.isEmpty()) {
            return Drawing.none();
        }
        String title = "MB-LBFGS time per epoch over the mean of the other optimizers";
        XYChart chart = ChartParts.xy(title, "batch size (samples)", "MB-LBFGS / others' mean (ratio), bars: 95% CI");
        double minX = Double.POSITIVE_INFINITY;
        double maxX = 0;
        int i = 0;
        for (Map.Entry<String, List<Verdict.Entry>> line : lines.entrySet()) {
            List<Verdict.Entry> points = new ArrayList<>(line.getValue());
            points.sort((a, b) -> Integer.compare(a.setting().batchSize(), b.setting().batchSize()));
            // lines share batch sizes; a small sideways offset per line keeps their intervals apart
            double shift = 1 + 0.015 * (i - (lines.size() - 1) / 2.0);
            double[] x = points.stream().mapToDouble(p -> p.setting().batchSize() * shift).toArray();
            double[] y = points.stream().mapToDouble(p -> p.versusMean().ratio().estimate()).toArray();
            Color color = ChartStyle.palette(i);
            XYSeries series = chart.addSeries(line.getKey(), x, y);
            series.setLineColor(color);
            series.setMarkerColor(color);
            series.setMarker(SeriesMarkers.CIRCLE);
            series.setLineStyle(ChartStyle.SOLID);
            // asymmetric-safe interval marks: one vertical segment per point
            for (Verdict.Entry p : points) {
                Statistics.Ratio r = p.versusMean().ratio();
                if (r.hasCi()) {
                    double b = p.setting().batchSize() * shift;
                    XYSeries ci = chart.addSeries(line.getKey() + " CI " + b, new double[] {b, b},
                            new double[] {r.lower(), r.upper()});
                    ci.setLineColor(color);
                    ci.setLineStyle(ChartStyle.THIN);
                    ci.setMarker(SeriesMarkers.NONE);
                    ci.setMarkerColor(color);
                    ci.setShowInLegend(false);
                }
            }
            minX = Math.min(minX, x[0]);
            maxX = Math.max(maxX, x[x.length - 1]);
            i++;
        }
        double left = 0;
        double right = maxX * 1.15;
        XYSeries claim = chart.addSeries("source: +20% (ratio 1.2)", new double[] {left, right},
                new double[] {SourceStudy.CLAIMED_RATIO, SourceStudy.CLAIMED_RATIO});
        claim.setLineColor(Color.BLACK);
        claim.setLineStyle(ChartStyle.DASHED);
        claim.setMarker(SeriesMarkers.NONE);
        XYSeries parity = chart.addSeries("no extra cost (ratio 1)", new double[] {left, right}, new double[] {1, 1});
        parity.setLineColor(Color.GRAY);
        parity.setLineStyle(ChartStyle.DOTTED);
        parity.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setXAxisMin(left);
        chart.getStyler().setXAxisMax(right);
        ChartStyle.finish(chart, true);
        return Drawing.of(new ChartSpec(ChartId.MBLBFGS_OVERHEAD.file(), title
                + " against batch size (EpochTimeBenchmark; delta-method 95% CIs over replicates; dashed: the source's"
                + " +20%; lines offset"
                + " sideways by up to a few percent of the batch size so that their intervals do not overlap)", chart), List.of());
    }
}
