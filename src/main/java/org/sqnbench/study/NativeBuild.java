package org.sqnbench.study;

/**
 * Which ND4J native build a run used: the JVM property JavaCPP reads, and the build chosen when it is absent (measured
 * fastest on both networks among the builds that run on any AVX2 CPU; README, "Backend"). The benchmarks set it, the
 * report reads it back from the JSON's JVM arguments.
 */
public final class NativeBuild {
    public static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";
    public static final String DEFAULT_EXTENSION = "-onednn-avx2";

    private NativeBuild() {
    }
}
