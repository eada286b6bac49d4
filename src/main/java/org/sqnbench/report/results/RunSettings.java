package org.sqnbench.report.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sqnbench.study.NativeBuild;

/**
 * How JMH ran a benchmark, as its JSON records it. Two runs of the same benchmark and parameters can be pooled only
 * when these agree (the fork count excepted: more forks are just more data).
 */
public record RunSettings(String jmhVersion, String jvm, String jdkVersion, String vmName, String vmVersion,
                          List<String> jvmArgs, int forks, int jmhThreads, int warmupIterations, String warmupTime,
                          int measurementIterations, String measurementTime) {
    public RunSettings {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The ND4J native build the JVM arguments name, or the one the benchmarks pick when they name none. */
    public String backend() {
        String prefix = "-D" + NativeBuild.PROPERTY + "=";
        return jvmArgs.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .reduce((a, b) -> b).orElse(NativeBuild.DEFAULT_EXTENSION + " (default)");
    }

    /** The settings in which this and {@code other} differ, e.g. "measurementIterations 3 vs 5"; empty if none. */
    public List<String> differences(RunSettings other) {
        List<String> d = new ArrayList<>();
        diff(d, "jmhVersion", jmhVersion, other.jmhVersion);
        diff(d, "jdkVersion", jdkVersion, other.jdkVersion);
        diff(d, "vmName", vmName, other.vmName);
        diff(d, "vmVersion", vmVersion, other.vmVersion);
        diff(d, "jvmArgs", jvmArgs, other.jvmArgs);
        diff(d, "threads", jmhThreads, other.jmhThreads);
        diff(d, "warmupIterations", warmupIterations, other.warmupIterations);
        diff(d, "warmupTime", warmupTime, other.warmupTime);
        diff(d, "measurementIterations", measurementIterations, other.measurementIterations);
        diff(d, "measurementTime", measurementTime, other.measurementTime);
        return d;
    }

    private static void diff(List<String> out, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(name + " " + a + " vs " + b);
        }
    }

    public RunSettings withForks(int n) {
        return new RunSettings(jmhVersion, jvm, jdkVersion, vmName, vmVersion, jvmArgs, n, jmhThreads,
                warmupIterations, warmupTime, measurementIterations, measurementTime);
    }
}
