package org.sqnbench.nn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.sqnbench.study.NativeBuild;

/**
 * Chooses ND4J's native build and thread count. Both the default and the oneDNN nd4j-native jars are on the
 * class path; JavaCPP loads the one named by the system property {@value NativeBuild#PROPERTY}, so it must be set
 * before the first ND4J class loads. {@link #init(int)} does that, with {@value NativeBuild#DEFAULT_EXTENSION}
 * unless the user passed {@code -D}{@value NativeBuild#PROPERTY}{@code =...} (an empty value selects the default
 * build).
 */
public final class Backend {
    private Backend() {
    }

    /**
     * Selects the native build (once per JVM) and applies the thread count everywhere ND4J keeps one: its own
     * parallel loops (master threads; setMaxThreads alone was measured to be ignored), OpenMP (used by oneDNN) and
     * OpenBLAS.
     */
    public static synchronized void init(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (System.getProperty(NativeBuild.PROPERTY) == null) {
            System.setProperty(NativeBuild.PROPERTY, NativeBuild.DEFAULT_EXTENSION);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    /** Threads ND4J will use: the smallest of its loop, OpenMP and BLAS settings. */
    public static int threads() {
        int omp = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        return Math.min(Math.min(Nd4j.getEnvironment().maxMasterThreads(), omp), Nd4j.factory().blas().getMaxThreads());
    }
}
