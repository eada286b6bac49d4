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
     * Selects the native build (once per JVM) and applies the thread count to ND4J's own parallel loops (master
     * threads; setMaxThreads alone was measured to be ignored) and to OpenMP (used by oneDNN, which runs the
     * networks' convolutions and products). OpenBLAS stays on one thread: only the optimizers' one-thread vector
     * calls and the calibration kernels use it (see {@code optim.Blas}), and its own worker threads, once woken,
     * spin and take a core from the next gradient.
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
        Nd4j.factory().blas().setMaxThreads(1);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
    }

    /** Threads the native ops will use: the smaller of ND4J's loop and OpenMP settings. */
    public static int threads() {
        int omp = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        return Math.min(Nd4j.getEnvironment().maxMasterThreads(), omp);
    }

    /**
     * Lets OpenBLAS itself use {@code threads}: for the calibration kernels only (sgemm and triad), which measure
     * the machine's limits at that many threads.
     */
    public static void openBlasThreads(int threads) {
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
