package org.sqnbench.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.series.Series;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.sqnbench.study.Method;

/** The look all report charts share: one color per optimizer in every chart, readable fonts, white background. */
final class ChartStyle {
    static final int WIDTH = 900;
    static final int HEIGHT = 560;

    private static final Map<Method, Color> OPTIMIZER_COLORS = new EnumMap<>(Map.of(
            Method.SGD, new Color(0x1f77b4), Method.MOMENTUM, new Color(0xff7f0e), Method.ADAM, new Color(0x2ca02c),
            Method.SGD_BB, new Color(0x9467bd), Method.MB_LBFGS, new Color(0xd62728)));
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

    static final BasicStroke SOLID = new BasicStroke(2f);
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {8f, 5f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {2f, 4f}, 0f);
    static final BasicStroke THIN = new BasicStroke(1.5f);

    private ChartStyle() {
    }

    /** The color of an optimizer by its command-line name; dark gray for any other. */
    static Color optimizer(String name) {
        return Method.find(name).map(OPTIMIZER_COLORS::get).orElse(Color.DARK_GRAY);
    }

    static Color palette(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** The same color, see-through, for bands. */
    static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 45);
    }

    /** Line style for the i-th series of one color: solid, dashed, dotted. */
    static BasicStroke stroke(int i) {
        return switch (Math.floorMod(i, 3)) {
            case 0 -> SOLID;
            case 1 -> DASHED;
            default -> DOTTED;
        };
    }

    /**
     * Final touches once the series are in: a legend that fits (one entry per line when the labels are long) and
     * tick labels with a leading zero and enough decimals for the data's range (XChart's default drops the zero).
     */
    static void finish(XYChart chart, boolean integerX) {
        List<XYSeries> all = new ArrayList<>(chart.getSeriesMap().values());
        // points, not bars: an error bar in its series' color shows which point it belongs to
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        legend(chart.getStyler(), all.stream().filter(Series::isShowInLegend).map(Series::getName).toList());
        chart.getStyler().setYAxisDecimalPattern(pattern(all.stream().flatMapToDouble(x -> Arrays.stream(x.getYData()))
                .toArray()));
        chart.getStyler().setXAxisDecimalPattern(integerX ? "0" : pattern(all.stream()
                .flatMapToDouble(x -> Arrays.stream(x.getXData())).toArray()));
    }

    static void finish(CategoryChart chart) {
        List<CategorySeries> all = new ArrayList<>(chart.getSeriesMap().values());
        legend(chart.getStyler(), all.stream().filter(Series::isShowInLegend).map(Series::getName).toList());
        double[] y = all.stream().flatMap(x -> x.getYData().stream()).filter(v -> v != null)
                .mapToDouble(Number::doubleValue).toArray();
        chart.getStyler().setYAxisDecimalPattern(pattern(y));
    }

    private static void legend(AxesChartStyler s, List<String> names) {
        int width = names.stream().mapToInt(n -> n.length() + 6).sum();
        s.setLegendLayout(width > 110 ? Styler.LegendLayout.Vertical : Styler.LegendLayout.Horizontal);
    }

    /** "0.###"-style pattern with about three significant digits at the data's scale. */
    static String pattern(double[] values) {
        double max = Arrays.stream(values).filter(Double::isFinite).map(Math::abs).max().orElse(1);
        if (max == 0) {
            return "0.#";
        }
        int decimals = Math.max(0, Math.min(8, 2 - (int) Math.floor(Math.log10(max))));
        return decimals == 0 ? "#,##0" : "0." + "#".repeat(decimals);
    }

    static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(Color.GRAY);
        s.setPlotGridLinesColor(new Color(0xdddddd));
        s.setLegendBorderColor(Color.LIGHT_GRAY);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setChartTitleBoxVisible(false);
        // black error bars stay visible on bars of any color
        s.setErrorBarsColorSeriesColor(false);
        s.setErrorBarsColor(Color.BLACK);
        s.setLocale(Locale.ROOT);
        s.setAntiAlias(true);
        s.setMarkerSize(7);
    }
}
