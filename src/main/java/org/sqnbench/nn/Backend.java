package org.sqnbench.nn;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
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
    /** glibc's mallopt parameters (malloc.h). */
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    /** The largest mmap threshold glibc accepts on 64-bit systems. */
    private static final int MMAP_THRESHOLD_MAX = 32 << 20;
    private static boolean mallocKept;

    private Backend() {
    }

    /**
     * Tells glibc's malloc to keep the memory that native ops free: allocations below 32 MB come from the heap, not
     * from fresh mmaps, and the heap's top is never returned to the system. ND4J's and oneDNN's ops allocate
     * temporaries on every call, and with glibc's defaults those came back as fresh pages to be faulted in and
     * zeroed each time: the CNN's batch-64 gradient on one thread took 56 ms that way and 23 ms with both settings
     * (either alone: 45 and 77 ms), and the convolutions' backward ops were 4× slower. Which it was depended on the
     * order of earlier allocations (with the network built before the data set was read, 23 ms with the defaults
     * too), so without this setting a benchmark's speed depended on its set-up. Freed memory stays resident; the
     * process's resident size still stays flat across epochs. Not glibc (another OS or C library): nothing to do.
     */
    private static void keepFreedMemory() {
        if (mallocKept) {
            return;
        }
        mallocKept = true;
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            mallopt.invokeInt(new Object[]{M_MMAP_THRESHOLD, MMAP_THRESHOLD_MAX});
            mallopt.invokeInt(new Object[]{M_TRIM_THRESHOLD, Integer.MAX_VALUE});
        } catch (UnsatisfiedLinkError e) {
            // no glibc: its allocator's defaults are not ours to change
        }
    }

    /**
     * Keeps freed native memory ({@link #keepFreedMemory}), selects the native build (once per JVM) and applies the
     * thread count to ND4J's own parallel loops (master threads; setMaxThreads alone was measured to be ignored) and
     * to OpenMP (used by oneDNN, which runs the networks' convolutions and products). OpenBLAS stays on one thread:
     * only the optimizers' one-thread vector calls, the networks' small products and the calibration kernels use it
     * (see {@code optim.Blas} and {@link Kernel#SMALL_PRODUCT}), and its own worker threads, once woken, spin and take
     * a core from the next gradient.
     */
    public static synchronized void init(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        keepFreedMemory();
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
