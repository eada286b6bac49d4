package org.sqnbench.report.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One metric of a JMH result: its raw values, one array per fork with one value per measured iteration. Times are
 * converted to milliseconds when read, so every time in the report is in ms.
 *
 * @param rawData per fork, per iteration
 */
public record Metric(List<double[]> rawData) {
    public Metric {
        rawData = List.copyOf(rawData);
    }

    /** All values of all forks, fork after fork. */
    public double[] all() {
        return rawData.stream().flatMapToDouble(Arrays::stream).toArray();
    }

    public int forks() {
        return rawData.size();
    }

    /** This metric's forks followed by the other's (the same benchmark run twice, e.g. in two files). */
    Metric append(Metric other) {
        List<double[]> joined = new ArrayList<>(rawData);
        joined.addAll(other.rawData);
        return new Metric(joined);
    }
}
