package org.sqnbench.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One method per chart of the report. Each returns empty when the results hold nothing to draw; the caller notes
 * the skip. Diverged epochs are never drawn: a curve stops at the first epoch at which any of its seeds diverged, and
 * its legend says so.
 */
public final class Charts {
    private final EpochData epochs;
    private final Kernels kernels;
    private final Verdict verdict;
    private final List<String> notes = new ArrayList<>();

    public Charts(EpochData epochs, Kernels kernels, Verdict verdict) {
        this.epochs = epochs;
        this.kernels = kernels;
        this.verdict = verdict;
    }

    /** Things drawn differently from what a reader would expect (e.g. a series with nothing to draw). */
    public List<String> notes() {
        return notes;
    }

    // ---- convergence (ConvergenceBenchmark) ----

    public Optional<ChartSpec> trainLossByEpoch(String network) {
        return convergence(network, "convergence-loss-" + network, "train loss per epoch", "epoch",
                "train loss (mean minibatch NLL)", EpochRun::trainLoss, 1, false);
    }

    public Optional<ChartSpec> testAccuracyByEpoch(String network) {
        return convergence(network, "convergence-accuracy-" + network, "test accuracy after each epoch", "epoch",
                "test accuracy (%)", EpochRun::testAccuracy, 100, false);
    }

    public Optional<ChartSpec> trainLossByTime(String network) {
        return convergence(network, "convergence-loss-time-" + network, "train loss against training time",
                "cumulative training time (s, epochs only, test evaluation excluded)", "train loss (mean minibatch NLL)",
                EpochRun::trainLoss, 1, true);
    }

    private Optional<ChartSpec> convergence(String network, String file, String what, String xTitle, String yTitle,
                                            Function<EpochRun, double[]> metric, double scale, boolean byTime) {
        List<EpochSeries> series = epochs.series(EpochData.CONVERGENCE).stream()
                .filter(s -> s.key().setting().network().equals(network)).toList();
        if (series.isEmpty()) {
            return Optional.empty();
        }
        Set<Setting> settings = new LinkedHashSet<>();
        series.forEach(s -> settings.add(s.key().setting()));
        int seeds = series.stream().mapToInt(s -> s.runs().size()).max().orElse(0);
        String title = network + " on " + dataTitle(settings) + ": " + what;
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        ChartStyle.apply(chart.getStyler());
        Map<String, Integer> seen = new LinkedHashMap<>();
        int drawn = 0;
        for (EpochSeries s : series) {
            String label = (settings.size() > 1 ? settingPrefix(s.key().setting()) : "") + s.label();
            Curve c = Curve.of(s, metric, scale, byTime);
            if (c.x.length == 0) {
                notes.add(file + ": " + label + " has no epoch to draw (" + s.divergenceNote() + ")");
                continue;
            }
            if (!s.divergenceNote().isEmpty()) {
                label += " (" + s.divergenceNote() + ")";
            }
            Color color = ChartStyle.optimizer(s.optimizer());
            int nth = seen.merge(s.optimizer(), 1, Integer::sum) - 1;
            if (c.x.length > 1 && s.runs().size() > 1) {
                XYSeries band = chart.addSeries(label + " min-max", c.bandX(), c.bandY());
                band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
                band.setFillColor(ChartStyle.translucent(color));
                band.setLineColor(ChartStyle.translucent(color));
                band.setMarker(SeriesMarkers.NONE);
                band.setShowInLegend(false);
            }
            XYSeries line = chart.addSeries(label, c.x, c.mean);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setLineColor(color);
            line.setLineStyle(ChartStyle.stroke(nth));
            line.setMarker(SeriesMarkers.CIRCLE);
            line.setMarkerColor(color);
            drawn++;
        }
        if (drawn == 0) {
            return Optional.empty();
        }
        ChartStyle.finish(chart, !byTime);
        return Optional.of(new ChartSpec(file, title + " (ConvergenceBenchmark; line: mean of "
                + (seeds > 1 ? seeds + " seeds, band: min-max over seeds" : "1 seed") + ")", chart));
    }

    /** Mean, min and max over a series' seeds per epoch, up to the first epoch where any seed has no result. */
    private record Curve(double[] x, double[] mean, double[] min, double[] max) {
        static Curve of(EpochSeries s, Function<EpochRun, double[]> metric, double scale, boolean byTime) {
            int length = Integer.MAX_VALUE;
            for (EpochRun r : s.runs()) {
                double[] v = r.valid(metric.apply(r));
                int finite = 0;
                while (finite < v.length && Double.isFinite(v[finite])) {
                    finite++;
                }
                length = Math.min(length, finite);
            }
            int n = s.runs().isEmpty() ? 0 : length;
            double[] x = new double[n];
            double[] mean = new double[n];
            double[] min = new double[n];
            double[] max = new double[n];
            double[] elapsed = new double[s.runs().size()];
            for (int i = 0; i < n; i++) {
                double sum = 0;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                double elapsedSum = 0;
                for (int k = 0; k < s.runs().size(); k++) {
                    EpochRun r = s.runs().get(k);
                    double v = metric.apply(r)[i] * scale;
                    sum += v;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    elapsed[k] += r.timeMs()[i] / 1e3;
                    elapsedSum += elapsed[k];
                }
                x[i] = byTime ? elapsedSum / s.runs().size() : i + 1;
                mean[i] = sum / s.runs().size();
                min[i] = lo;
                max[i] = hi;
            }
            return new Curve(x, mean, min, max);
        }

        /** The band's outline: along the maxima, back along the minima. */
        double[] bandX() {
            double[] b = new double[2 * x.length];
            for (int i = 0; i < x.length; i++) {
                b[i] = x[i];
                b[b.length - 1 - i] = x[i];
            }
            return b;
        }

        double[] bandY() {
            double[] b = new double[2 * x.length];
            for (int i = 0; i < x.length; i++) {
                b[i] = max[i];
                b[b.length - 1 - i] = min[i];
            }
            return b;
        }
    }

    // ---- per-epoch time (EpochTimeBenchmark) ----

    /** Mean per-epoch time with 95% t intervals, one bar per optimizer, one bar group per setting. */
    /** Final test accuracy per optimizer (last Convergence epoch, mean over seeds, 95% t interval). */
    public Optional<ChartSpec> finalAccuracy(String network) {
        SortedSet<Setting> settings = settingsOf(EpochData.CONVERGENCE, network);
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        List<String> categories = new ArrayList<>();
        for (Setting setting : settings) {
            for (EpochSeries s : epochs.series(EpochData.CONVERGENCE, setting)) {
                if (!categories.contains(s.label())) {
                    categories.add(s.label());
                }
            }
        }
        String title = network + " on " + dataTitle(settings) + ": final test accuracy";
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("optimizer").yAxisTitle("test accuracy after the last epoch, error bars: 95% CI").build();
        ChartStyle.apply(chart.getStyler());
        int i = 0;
        for (Setting setting : settings) {
            Map<String, double[]> values = new TreeMap<>();
            for (EpochSeries s : epochs.series(EpochData.CONVERGENCE, setting)) {
                double[] finals = Conclusions.finals(s, true);
                if (finals.length > 0) {
                    Statistics.MeanCi m = Statistics.mean(finals);
                    values.put(s.label(), new double[] {m.mean(), m.hasCi() ? m.halfWidth() : 0});
                }
            }
            addBars(chart, settingName(setting, settings), categories, values, ChartStyle.palette(i++));
        }
        ChartStyle.finish(chart);
        return Optional.of(new ChartSpec("final-accuracy-" + network, title
                + " (ConvergenceBenchmark, mean over seeds that did not diverge, 95% t interval)", chart));
    }

    public Optional<ChartSpec> epochTime(String network) {
        SortedSet<Setting> settings = settingsOf(EpochData.EPOCH_TIME, network);
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        List<String> categories = categories(settings);
        String title = network + " on " + dataTitle(settings) + ": time per epoch";
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("optimizer").yAxisTitle("time per epoch (ms), error bars: 95% CI").build();
        ChartStyle.apply(chart.getStyler());
        int i = 0;
        for (Setting setting : settings) {
            Map<String, double[]> values = new TreeMap<>();
            for (EpochSeries s : epochs.series(EpochData.EPOCH_TIME, setting)) {
                if (!s.allDiverged()) {
                    Statistics.MeanCi m = Statistics.mean(s.times());
                    values.put(s.label(), new double[] {m.mean(), m.hasCi() ? m.halfWidth() : 0});
                }
            }
            addBars(chart, settingName(setting, settings), categories, values, ChartStyle.palette(i++));
        }
        ChartStyle.finish(chart);
        return Optional.of(new ChartSpec("epoch-time-" + network, title
                + " (EpochTimeBenchmark, mean over all measured epochs of all forks, 95% t interval)", chart));
    }

    /**
     * Per-epoch time relative to SGD in the same setting (delta-method 95% CI), beside the source study's 15-epoch
     * times relative to its SGD.
     */
    public Optional<ChartSpec> epochTimeVsSource(String network) {
        SortedSet<Setting> settings = new TreeSet<>();
        for (Setting s : settingsOf(EpochData.EPOCH_TIME, network)) {
            if (sgd(s).isPresent()) {
                settings.add(s);
            } else {
                notes.add("epoch-time-vs-source-" + network + ": " + s.shortName() + " has no SGD result to scale by");
            }
        }
        if (settings.isEmpty()) {
            return Optional.empty();
        }
        List<String> categories = categories(settings);
        String title = network + ": time per epoch relative to SGD, this study vs the source ("
                + SourceStudy.dataset(network) + ")";
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("optimizer").yAxisTitle("time / SGD's time (SGD = 1), error bars: 95% CI").build();
        ChartStyle.apply(chart.getStyler());
        int i = 0;
        for (Setting setting : settings) {
            EpochSeries sgd = sgd(setting).orElseThrow();
            Map<String, double[]> values = new TreeMap<>();
            for (EpochSeries s : epochs.series(EpochData.EPOCH_TIME, setting)) {
                if (s.allDiverged()) {
                    continue;
                }
                if (s == sgd) {
                    values.put(s.label(), new double[] {1, 0});
                } else {
                    Statistics.Ratio r = Statistics.ratio(s.times(), List.of(sgd.times()));
                    values.put(s.label(), new double[] {r.estimate(), r.hasCi() ? (r.upper() - r.lower()) / 2 : 0});
                }
            }
            addBars(chart, "this study, " + settingName(setting, settings), categories, values, ChartStyle.palette(i++));
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
            addBars(chart, "source study, " + SourceStudy.dataset(network) + " (15-epoch minutes / SGD's)", categories,
                    source, Color.GRAY);
        } else {
            notes.add("epoch-time-vs-source-" + network + ": the source study has no figures for " + network);
        }
        ChartStyle.finish(chart);
        return Optional.of(new ChartSpec("epoch-time-vs-source-" + network, title
                + " (EpochTimeBenchmark; the source's MNIST figures have no MB-LBFGS)", chart));
    }

    /** MB-LBFGS over the others' mean, against batch size, one line per network and MB-LBFGS configuration. */
    public Optional<ChartSpec> mbLbfgsOverhead() {
        Map<String, List<Verdict.Entry>> lines = new LinkedHashMap<>();
        for (Verdict.Entry e : verdict.entries()) {
            Setting s = e.setting();
            String name = s.network() + (s.trainSize() > 0 ? " (" + Format.count(s.trainSize()) + " samples)" : "")
                    + (DataLabels.embedded(s.data()) ? "" : " " + s.data()) + ", " + e.mbLbfgs().label();
            lines.computeIfAbsent(name, k -> new ArrayList<>()).add(e);
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String title = "MB-LBFGS time per epoch over the mean of the other optimizers";
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("batch size (samples)").yAxisTitle("MB-LBFGS / others' mean (ratio), bars: 95% CI").build();
        ChartStyle.apply(chart.getStyler());
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
        return Optional.of(new ChartSpec("mblbfgs-overhead", title
                + " against batch size (EpochTimeBenchmark; delta-method 95% CIs; dashed: the source's +20%; lines offset"
                + " sideways by up to a few percent of the batch size so that their intervals do not overlap)", chart));
    }

    // ---- hot kernels ----

    /**
     * Time of one inverse-Hessian call ({@code method} product or addPair) against the memory m, both forms, with
     * the time the modelled traffic would take at the measured memory bandwidth.
     */
    public Optional<ChartSpec> inverseHessian(String network, String method) {
        String benchmark = method.equals("product") ? Kernels.PRODUCT : Kernels.ADD_PAIR;
        List<Kernels.Point> points = kernels.of(benchmark).stream()
                .filter(p -> p.param("network").equals(network)).toList();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        long n = Kernels.PARAMETERS.getOrDefault(network, 0L);
        String what = method.equals("product") ? "product H·g" : "adding a curvature pair";
        String title = network + " (n = " + Format.count(n) + "): inverse-Hessian " + what + " against memory m";
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("memory m (curvature pairs)").yAxisTitle("time per call (ms), error bars: 95% CI").build();
        ChartStyle.apply(chart.getStyler());
        Map<String, List<Kernels.Point>> byForm = new TreeMap<>();
        points.forEach(p -> byForm.computeIfAbsent(p.param("form") + threadsSuffix(points, p), k -> new ArrayList<>())
                .add(p));
        int i = 0;
        for (Map.Entry<String, List<Kernels.Point>> e : byForm.entrySet()) {
            List<Kernels.Point> ps = new ArrayList<>(e.getValue());
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
            Optional<Kernels.Bandwidth> bw = kernels.bandwidth(ps.get(0).param("threads"));
            if (bw.isPresent() && n > 0) {
                double[] bound = ps.stream().mapToDouble(p -> bw.get().millis(method.equals("product")
                        ? Kernels.productBytes(form, p.intParam("memory"), n)
                        : Kernels.addPairBytes(form, p.intParam("memory"), n))).toArray();
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
        if (kernels.of(Kernels.TRIAD).isEmpty()) {
            notes.add("inverse-hessian-" + method.toLowerCase() + "-" + network
                    + ": no MemoryBandwidth result, so no bandwidth bound drawn");
        }
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.finish(chart, true);
        return Optional.of(new ChartSpec("inverse-hessian-" + method.toLowerCase() + "-" + network, title
                + " (InverseHessianBenchmark." + method + "; dashed: modelled bytes / measured triad bandwidth)", chart));
    }

    /** The overlap gradient ∇F_O over l samples and the full minibatch gradient, against samples per gradient. */
    public Optional<ChartSpec> gradientCost(String network) {
        List<Kernels.Point> overlap = kernels.of(Kernels.OVERLAP_GRADIENT).stream()
                .filter(p -> p.param("network").equals(network)).toList();
        List<Kernels.Point> floor = kernels.of(Kernels.GRADIENT_FLOOR).stream()
                .filter(p -> p.param("network").equals(network)).toList();
        if (overlap.isEmpty()) {
            return Optional.empty();
        }
        String title = network + ": cost of one gradient against the samples it covers";
        XYChart chart = new XYChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("samples per gradient (overlap l, or batch size)")
                .yAxisTitle("time per gradient (ms), error bars: 95% CI").build();
        ChartStyle.apply(chart.getStyler());
        addKernelLine(chart, "overlap gradient ∇F_O (l samples)", overlap, "overlapSize", ChartStyle.palette(0));
        if (!floor.isEmpty()) {
            addKernelLine(chart, "minibatch gradient (gradient floor)", floor, "batchSize", ChartStyle.palette(1));
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setYAxisMin(0.0);
        ChartStyle.finish(chart, true);
        return Optional.of(new ChartSpec("gradient-cost-" + network, title
                + " (OverlapGradientBenchmark, GradientFloorBenchmark)", chart));
    }

    private static void addKernelLine(XYChart chart, String name, List<Kernels.Point> points, String xParam, Color c) {
        List<Kernels.Point> ps = new ArrayList<>(points);
        ps.sort((a, b) -> Integer.compare(a.intParam(xParam), b.intParam(xParam)));
        XYSeries s = chart.addSeries(name, ps.stream().mapToDouble(p -> p.intParam(xParam)).toArray(),
                ps.stream().mapToDouble(p -> p.time().mean()).toArray(),
                ps.stream().mapToDouble(p -> p.time().hasCi() ? p.time().halfWidth() : 0).toArray());
        s.setLineColor(c);
        s.setMarkerColor(c);
        s.setMarker(SeriesMarkers.CIRCLE);
    }

    /** SGD-BB's end-of-epoch step on one network, beside its bandwidth bound. */
    public Optional<ChartSpec> bbStep(String network) {
        List<Kernels.Point> points = kernels.of(Kernels.BB_STEP).stream()
                .filter(p -> p.param("network").equals(network)).toList();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        long n = Kernels.PARAMETERS.getOrDefault(network, 0L);
        String title = network + " (n = " + Format.count(n) + "): SGD-BB end-of-epoch step (once per epoch)";
        CategoryChart chart = new CategoryChartBuilder().width(ChartStyle.WIDTH).height(ChartStyle.HEIGHT).title(title)
                .xAxisTitle("ND4J threads parameter (0 = per-network default)")
                .yAxisTitle("time per step (ms), error bars: 95% CI").build();
        ChartStyle.apply(chart.getStyler());
        List<String> categories = points.stream().map(p -> "threads=" + p.param("threads")).distinct().toList();
        Map<String, double[]> measured = new TreeMap<>();
        Map<String, double[]> bound = new TreeMap<>();
        for (Kernels.Point p : points) {
            String category = "threads=" + p.param("threads");
            measured.put(category, new double[] {p.time().mean(), p.time().hasCi() ? p.time().halfWidth() : 0});
            kernels.bandwidth(p.param("threads")).filter(b -> n > 0).ifPresent(b -> bound.put(category,
                    new double[] {b.millis(Kernels.bbStepBytes(n)), 0}));
        }
        addBars(chart, "measured", categories, measured, ChartStyle.palette(0));
        if (!bound.isEmpty()) {
            Kernels.Bandwidth bw = kernels.bandwidth(points.get(0).param("threads")).orElseThrow();
            addBars(chart, "bandwidth bound (9·n floats at " + Format.sig(bw.gbPerSecond()) + " GB/s)", categories,
                    bound, Color.GRAY);
        }
        ChartStyle.finish(chart);
        return Optional.of(new ChartSpec("bb-step-" + network, title + " (BbStepBenchmark)", chart));
    }

    // ---- helpers ----

    private static void addBars(CategoryChart chart, String name, List<String> categories, Map<String, double[]> values,
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

    private SortedSet<Setting> settingsOf(String benchmarkClass, String network) {
        SortedSet<Setting> s = new TreeSet<>();
        epochs.settings(benchmarkClass).stream().filter(x -> x.network().equals(network)).forEach(s::add);
        return s;
    }

    private Optional<EpochSeries> sgd(Setting setting) {
        return epochs.series(EpochData.EPOCH_TIME, setting).stream()
                .filter(s -> s.optimizer().equals(EpochSeries.SGD) && !s.allDiverged()).findFirst();
    }

    /** Series labels in the study's optimizer order, across all given settings. */
    private List<String> categories(Set<Setting> settings) {
        Set<String> c = new LinkedHashSet<>();
        List<EpochSeries> all = new ArrayList<>();
        settings.forEach(s -> all.addAll(epochs.series(EpochData.EPOCH_TIME, s)));
        all.sort((a, b) -> Integer.compare(EpochSeries.rank(a.optimizer()), EpochSeries.rank(b.optimizer())));
        all.forEach(s -> c.add(s.label()));
        return new ArrayList<>(c);
    }

    private static String dataTitle(Set<Setting> settings) {
        Set<String> d = new LinkedHashSet<>();
        settings.forEach(s -> d.add(DataLabels.describe(s.network(), s.data(), 0)));
        return d.size() == 1 ? d.iterator().next() : "several data sets";
    }

    private static String settingName(Setting s, Set<Setting> all) {
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

    private static String settingPrefix(Setting s) {
        return "b=" + s.batchSize() + (s.trainSize() > 0 ? " n=" + s.trainSize() : "")
                + (DataLabels.embedded(s.data()) ? "" : " " + s.data()) + ": ";
    }

    private static String threadsSuffix(List<Kernels.Point> all, Kernels.Point p) {
        return all.stream().map(x -> x.param("threads")).distinct().count() > 1 ? " (threads=" + p.param("threads") + ")"
                : "";
    }
}
