package org.sqnbench.report.charts;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.sqnbench.report.analysis.KernelTimes;
import org.sqnbench.report.analysis.Statistics;
import org.sqnbench.report.results.DataLabels;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.report.results.Setting;
import org.sqnbench.report.text.Format;

/** What the chart families share: empty charts in the report's style, bars with error bars, legends for settings. */
final class ChartParts {
    private ChartParts() {
    }

    static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        return chart;
    }

    static CategoryChart bars(String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        return chart;
    }

    /** A bar's height and error: the mean and its 95% half-width (0 without an interval). */
    static double[] bar(Statistics.MeanCi m) {
        return new double[] {m.mean(), m.hasCi() ? m.halfWidth() : 0};
    }

    /** One bar per category, NaN (nothing drawn) where {@code values} has none. */
    static void addBars(CategoryChart chart, String name, List<String> categories, Map<String, double[]> values,
                        Color color) {
        List<Double> y = new ArrayList<>();
        List<Double> err = new ArrayList<>();
        for (String c : categories) {
            double[] v = values.get(c);
            // a missing bar must not read as zero: NaN draws nothing (XChart's error-bar range check rejects null)
            y.add(v == null ? Double.NaN : v[0]);
            err.add(v == null ? 0.0 : v[1]);
        }
        CategorySeries s = chart.addSeries(name, categories, y, err);
        s.setFillColor(color);
    }

    static SortedSet<Setting> settingsOf(EpochData epochs, String benchmarkClass, String network) {
        SortedSet<Setting> s = new TreeSet<>();
        epochs.settings(benchmarkClass).stream().filter(x -> x.network().equals(network)).forEach(s::add);
        return s;
    }

    /** Series labels of a benchmark class in the study's optimizer order, across all given settings. */
    static List<String> categories(EpochData epochs, String benchmarkClass, Set<Setting> settings) {
        Set<String> c = new LinkedHashSet<>();
        List<EpochSeries> all = new ArrayList<>();
        settings.forEach(s -> all.addAll(epochs.series(benchmarkClass, s)));
        all.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        all.forEach(s -> c.add(s.label()));
        return new ArrayList<>(c);
    }

    static String dataTitle(Set<Setting> settings) {
        Set<String> d = new LinkedHashSet<>();
        settings.forEach(s -> d.add(DataLabels.describe(s.network(), s.data(), 0)));
        return d.size() == 1 ? d.iterator().next() : "several data sets";
    }

    /** A setting's legend name, naming only what varies among {@code all}. */
    static String settingName(Setting s, Set<Setting> all) {
        StringBuilder b = new StringBuilder("batch " + s.batchSize());
        if (all.stream().map(Setting::trainSize).distinct().count() > 1 || s.trainSize() > 0) {
            b.append(s.trainSize() > 0 ? ", " + Format.count(s.trainSize()) + " samples" : ", all samples");
        }
        if (all.stream().map(Setting::data).distinct().count() > 1) {
            b.append(", ").append(s.data());
        }
        if (all.stream().map(Setting::threads).distinct().count() > 1) {
            b.append(", threads=").append(s.threads());
        }
        return b.toString();
    }

    static String settingPrefix(Setting s) {
        return "b=" + s.batchSize() + (s.trainSize() > 0 ? " n=" + s.trainSize() : "")
                + (DataLabels.embedded(s.data()) ? "" : " " + s.data()) + ": ";
    }

    static String threadsSuffix(List<KernelTimes.Point> all, KernelTimes.Point p) {
        return all.stream().map(x -> x.param("threads")).distinct().count() > 1 ? " (threads=" + p.param("threads") + ")"
                : "";
    }
}
