package org.sqnbench.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH run of the study.
 *
 * @param include         benchmark classes, without their "Benchmark" suffix, as a regular expression
 * @param params          JMH parameters; several values separated by commas, as on JMH's command line
 * @param shortKernelRuns 2 warm-up and 3 measured iterations of 1 s instead of the benchmarks' own settings
 * @param warmups         warm-up iterations (epochs) instead of the benchmarks' own; null = their own
 * @param measurements    measured iterations (epochs) instead of the benchmarks' own; null = their own
 * @param forks           forks instead of the benchmarks' own; null = their own
 */
public record StudyPart(String title, String include, Map<String, String> params, boolean shortKernelRuns,
                        Integer warmups, Integer measurements, Integer forks) {
    public StudyPart(String title, String include, Map<String, String> params, boolean shortKernelRuns) {
        this(title, include, params, shortKernelRuns, null, null, null);
    }

    public StudyPart(String title, String include, Map<String, String> params, boolean shortKernelRuns,
                     Integer warmups, Integer measurements) {
        this(title, include, params, shortKernelRuns, warmups, measurements, null);
    }

    /** "EpochTime, network=cnn, trainSize=5000": what to pass JMH to run this part alone. */
    String settings() {
        StringBuilder b = new StringBuilder(include);
        new TreeMap<>(params).forEach((k, v) -> b.append(", ").append(k).append('=').append(v));
        return b.toString();
    }
}
