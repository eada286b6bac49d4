package org.sqnbench.report.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.Method;

/** The epoch benchmarks' results (per-epoch time and convergence runs), as series grouped by setting. */
public final class EpochData {
    public static final String EPOCH_TIME = Benchmarks.EPOCH_TIME;
    public static final String CONVERGENCE = Benchmarks.CONVERGENCE;

    private static final Comparator<EpochSeries> ORDER = Comparator
            .comparing((EpochSeries s) -> s.key().setting())
            .thenComparingInt(EpochSeries::rank)
            .thenComparing(s -> s.optimizer())
            .thenComparing(EpochData::memoryNumber)
            .thenComparing(s -> s.key().overlap())
            .thenComparing(s -> s.key().overlapGradient())
            .thenComparing(s -> s.key().learningRate())
            .thenComparing(s -> s.key().options());

    private final List<EpochSeries> series;

    private EpochData(List<EpochSeries> series) {
        this.series = series;
    }

    public static EpochData of(List<JmhResult> results) {
        Map<EpochSeries.Key, List<EpochRun>> runs = new LinkedHashMap<>();
        for (JmhResult r : results) {
            if (!r.benchmarkClass().equals(EPOCH_TIME) && !r.benchmarkClass().equals(CONVERGENCE)) {
                continue;
            }
            List<EpochRun> list = runs.computeIfAbsent(EpochSeries.Key.of(r), k -> new ArrayList<>());
            for (int f = 0; f < r.primary().forks(); f++) {
                list.add(EpochRun.of(r, f));
            }
        }
        List<EpochSeries> all = new ArrayList<>();
        runs.forEach((k, v) -> all.add(new EpochSeries(k, v)));
        all.sort(ORDER);
        return new EpochData(List.copyOf(all));
    }

    /** Series of one benchmark class, in setting then optimizer order. */
    public List<EpochSeries> series(String benchmarkClass) {
        return series.stream().filter(s -> s.key().benchmarkClass().equals(benchmarkClass)).toList();
    }

    public List<EpochSeries> series(String benchmarkClass, Setting setting) {
        return series(benchmarkClass).stream().filter(s -> s.key().setting().equals(setting)).toList();
    }

    /** The setting's SGD series that has results: what the others are scaled by. */
    public Optional<EpochSeries> sgd(String benchmarkClass, Setting setting) {
        return series(benchmarkClass, setting).stream().filter(s -> s.is(Method.SGD) && !s.allDiverged()).findFirst();
    }

    public SortedSet<Setting> settings(String benchmarkClass) {
        SortedSet<Setting> s = new TreeSet<>();
        series(benchmarkClass).forEach(e -> s.add(e.key().setting()));
        return s;
    }

    /** The networks that have results of the benchmark class. */
    public SortedSet<String> networks(String benchmarkClass) {
        SortedSet<String> s = new TreeSet<>();
        series(benchmarkClass).forEach(e -> s.add(e.key().setting().network()));
        return s;
    }

    private static int memoryNumber(EpochSeries s) {
        try {
            return Integer.parseInt(s.key().memory());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
