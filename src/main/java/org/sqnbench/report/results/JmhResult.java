package org.sqnbench.report.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One entry of a JMH JSON result array: a benchmark method at one point of its parameter grid.
 *
 * @param files     the file(s) it was read from; several when the same run was pooled from more than one
 * @param benchmark fully qualified, e.g. org.sqnbench.bench.EpochTimeBenchmark.epoch
 * @param mode      JMH's short name: "ss" (single shot) or "avgt"
 * @param params    the @Param values, as strings
 * @param primary   the benchmark time, in ms per operation
 * @param secondary auxiliary metrics by name (per-epoch loss, accuracy, ... for the epoch benchmarks)
 */
public record JmhResult(List<Path> files, String benchmark, String mode, SortedMap<String, String> params,
                        RunSettings settings, Metric primary, Map<String, Metric> secondary) {
    public JmhResult {
        files = List.copyOf(files);
        params = new TreeMap<>(params);
        secondary = new LinkedHashMap<>(secondary);
    }

    /** e.g. "EpochTimeBenchmark". */
    public String benchmarkClass() {
        String owner = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
        return owner.substring(owner.lastIndexOf('.') + 1);
    }

    /** e.g. "epoch". */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** e.g. "EpochTimeBenchmark.epoch". */
    public String shortName() {
        return benchmarkClass() + "." + method();
    }

    /** The value of a @Param, or null when the benchmark has no such parameter. */
    public String param(String name) {
        return params.get(name);
    }

    /** Benchmark plus parameters: what identifies "the same measurement" across files. */
    public String key() {
        return benchmark + params;
    }

    /** "network=mlp, optimizer=sgd, ..." for messages and tables. */
    public String paramText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    public Metric secondary(String name) {
        return secondary.get(name);
    }

    /** This run with the forks of {@code other} (same key and settings) appended. */
    JmhResult pooledWith(JmhResult other) {
        List<Path> allFiles = new ArrayList<>(files);
        other.files.stream().filter(f -> !allFiles.contains(f)).forEach(allFiles::add);
        Map<String, Metric> joined = new LinkedHashMap<>();
        secondary.forEach((name, m) -> {
            Metric o = other.secondary.get(name);
            if (o != null) {
                joined.put(name, m.append(o));
            }
        });
        return new JmhResult(allFiles, benchmark, mode, params,
                settings.withForks(settings.forks() + other.settings.forks()), primary.append(other.primary), joined);
    }
}
