package org.sqnbench.bench;

import org.sqnbench.study.Benchmarks;

/**
 * JVM arguments of the forked benchmark JVMs, as constants for {@code @Fork}: the heap, the native memory JavaCPP
 * may hand out (ND4J's arrays live outside the heap) and the modules they need. They are recorded in the results,
 * and the report pools two runs only when they agree, so a change here makes new results unpoolable with old ones.
 */
final class ForkArgs {
    static final String HEAP_1G = "-Xmx1g";
    static final String HEAP_2G = "-Xmx2g";
    static final String HEAP_4G = "-Xmx4g";
    static final String HEAP_6G = "-Xmx6g";
    /** A small fixed young generation: resident memory then shows native growth, not garbage filling a large one. */
    static final String YOUNG_GENERATION = "-Xmn" + Benchmarks.YOUNG_GENERATION_MB + "m";
    static final String NATIVE_4G = "-Dorg.bytedeco.javacpp.maxbytes=4G";
    static final String NATIVE_8G = "-Dorg.bytedeco.javacpp.maxbytes=8G";
    static final String NATIVE_10G = "-Dorg.bytedeco.javacpp.maxbytes=10G";
    /**
     * The JDK's vector API, for Adam's update (optim.AdamVectorLoop); without it Adam falls back to its chunked loop.
     * The JVM prints one warning line about the incubator module at start.
     */
    static final String VECTOR_API = "--add-modules=jdk.incubator.vector";
    static final String PHYSICAL_16G = "-Dorg.bytedeco.javacpp.maxphysicalbytes=16G";

    private ForkArgs() {
    }
}
