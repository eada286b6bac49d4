package org.sqnbench.optim;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sqnbench.nn.Backend;

/**
 * Element-wise updates written in Java over ND4J's native vectors, for the first-order methods whose rule no single
 * native call does at memory speed. A loop over a direct buffer is not vectorized by the JIT (1.8 ns an element
 * measured for Adam's rule); the same loop over heap arrays is (0.15 ns). So a kernel copies {@value #CHUNK}
 * elements of each vector into small heap arrays, updates them there and copies back: every vector is still read
 * and written once from memory, and the copies stay in the L1 cache.
 */
final class NativeVectors {
    /** Elements per chunk: a few 4 KB arrays per kernel stay in the L1 cache. */
    static final int CHUNK = 1024;
    /**
     * Below this many elements one thread does the whole vector (ours, not tuned: the MLP's 0.1M-element vectors stay
     * on one thread, the CNN's 4.1M are split).
     */
    static final long PARALLEL_MIN = 1 << 20;

    private NativeVectors() {
    }

    /** One contiguous range [from, to) of an update. */
    interface RangeKernel {
        void run(int from, int to);
    }

    /** Runs {@code kernel} over [0, n): split in contiguous ranges over the native ops' threads when n is large. */
    static void forRanges(long n, RangeKernel kernel) {
        int parts = n >= PARALLEL_MIN ? Backend.threads() : 1;
        int length = Math.toIntExact(n);
        if (parts <= 1) {
            kernel.run(0, length);
            return;
        }
        IntStream.range(0, parts).parallel()
                .forEach(p -> kernel.run((int) ((long) length * p / parts), (int) ((long) length * (p + 1) / parts)));
    }

    /** The FLOAT vector {@code x} as a buffer over its native memory. */
    static FloatBuffer floats(INDArray x) {
        checkFlat(x);
        FloatPointer p = new FloatPointer(x.data().addressPointer());
        return p.limit(p.position() + x.length()).asBuffer();
    }

    /** The DOUBLE vector {@code x} as a buffer over its native memory. */
    static DoubleBuffer doubles(INDArray x) {
        checkFlat(x);
        DoublePointer p = new DoublePointer(x.data().addressPointer());
        return p.limit(p.position() + x.length()).asBuffer();
    }

    private static void checkFlat(INDArray x) {
        if (!x.isVector() || x.elementWiseStride() != 1) {
            throw new IllegalArgumentException("expected a contiguous vector, got shape "
                    + java.util.Arrays.toString(x.shape()) + " with element stride " + x.elementWiseStride());
        }
    }
}
