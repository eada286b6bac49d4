package org.sqnbench.nn;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Element-wise loops written in Java over ND4J's native arrays, where no single native call does the work at memory
 * speed: the first-order methods' updates, and the ReLU derivatives and axis swaps of the networks' backward passes.
 * A loop over a direct buffer is not vectorized by the JIT (1.8 ns an element measured for Adam's rule); the same
 * loop over heap arrays is (0.15 ns). So a kernel copies {@value #CHUNK}
 * elements of each vector into small heap arrays, updates them there and copies back: every vector is still read
 * and written once from memory, and the copies stay in the L1 cache.
 */
public final class NativeVectors {
    /** Elements per chunk: a few 4 KB arrays per kernel stay in the L1 cache. */
    public static final int CHUNK = 1024;
    /**
     * Below this many elements one thread does the whole vector (ours, not tuned: the MLP's 0.1M-element vectors stay
     * on one thread, the CNN's 4.1M are split).
     */
    public static final long PARALLEL_MIN = 1 << 20;
    /**
     * Whether this JVM has the JDK's vector API ({@code --add-modules jdk.incubator.vector}: the benchmarks' forks
     * and the tests start with it). Loops written with it read ND4J's native memory directly and are vectorized, so
     * they need no chunk copies; a class that uses it may be touched only when this is true.
     */
    public static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private NativeVectors() {
    }

    /** One contiguous range [from, to) of an update. */
    public interface RangeKernel {
        void run(int from, int to);
    }

    /** Runs {@code kernel} over [0, n): split in contiguous ranges over the native ops' threads when n is large. */
    public static void forRanges(long n, RangeKernel kernel) {
        int parts = n >= PARALLEL_MIN ? Backend.threads() : 1;
        int length = Math.toIntExact(n);
        if (parts <= 1) {
            kernel.run(0, length);
            return;
        }
        IntStream.range(0, parts).parallel()
                .forEach(p -> kernel.run((int) ((long) length * p / parts), (int) ((long) length * (p + 1) / parts)));
    }

    /**
     * A kernel body for delta ← delta where activation &gt; 0, else 0, over two contiguous arrays of one length (the
     * buffers are taken once, so the body allocates nothing).
     */
    static Runnable maskByPositive(INDArray activation, INDArray delta) {
        int n = Math.toIntExact(delta.length());
        if (delta.dataType() == DataType.FLOAT) {
            FloatBuffer a = floats(activation);
            FloatBuffer d = floats(delta);
            float[] ac = new float[CHUNK];
            float[] dc = new float[CHUNK];
            return () -> {
                for (int at = 0; at < n; at += CHUNK) {
                    int len = Math.min(CHUNK, n - at);
                    a.get(at, ac, 0, len);
                    d.get(at, dc, 0, len);
                    maskByPositive(ac, dc, len);
                    d.put(at, dc, 0, len);
                }
            };
        }
        DoubleBuffer a = doubles(activation);
        DoubleBuffer d = doubles(delta);
        return () -> {
            for (int i = 0; i < n; i++) {
                d.put(i, a.get(i) > 0 ? d.get(i) : 0);
            }
        };
    }

    /** values[i] ← values[i] where activation[i] &gt; 0, else 0, for i &lt; len. */
    private static void maskByPositive(float[] activation, float[] values, int len) {
        for (int i = 0; i < len; i++) {
            values[i] = Float.intBitsToFloat(Float.floatToRawIntBits(values[i]) & positiveMask(activation[i]));
        }
    }

    /**
     * All ones where x &gt; 0, else 0 (a NaN with the sign bit clear counts as positive). Branch-free: a float is
     * positive exactly when its bits read as an int are, and a data-dependent branch on ReLU outputs mispredicted
     * about half the time (5 ns an element against 0.8 for this form, copies included, on 393,216 elements).
     */
    private static int positiveMask(float x) {
        return -Math.max(Math.min(Float.floatToRawIntBits(x), 1), 0);
    }

    /**
     * A kernel body for out[r, j] ← deltaT[j, r] where activation[r, j] &gt; 0, else 0: {@code deltaT} is
     * [columns, rows] and {@code activation} and {@code out} are [rows, columns], all contiguous. The transposed
     * array is read into the heap whole (a few MB at most); then each output row gathers its column of it, is masked
     * and written once (a transpose in cache-sized strips first measured no faster).
     */
    static Runnable transposeMaskByPositive(INDArray activation, INDArray deltaT, INDArray out) {
        int rows = Math.toIntExact(deltaT.size(1));
        int n = Math.toIntExact(out.length());
        int columns = n / rows;
        if (out.dataType() == DataType.FLOAT) {
            FloatBuffer a = floats(activation);
            FloatBuffer dt = floats(deltaT);
            FloatBuffer o = floats(out);
            float[] t = new float[n];
            float[] row = new float[columns];
            return () -> {
                dt.get(0, t, 0, n);
                for (int r = 0; r < rows; r++) {
                    int base = r * columns;
                    a.get(base, row, 0, columns);
                    for (int j = 0; j < columns; j++) {
                        row[j] = Float.intBitsToFloat(Float.floatToRawIntBits(t[j * rows + r]) & positiveMask(row[j]));
                    }
                    o.put(base, row, 0, columns);
                }
            };
        }
        DoubleBuffer a = doubles(activation);
        DoubleBuffer dt = doubles(deltaT);
        DoubleBuffer o = doubles(out);
        return () -> {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < columns; j++) {
                    int at = r * columns + j;
                    o.put(at, a.get(at) > 0 ? dt.get(j * rows + r) : 0);
                }
            }
        };
    }

    /**
     * A kernel body for dst[c, r − from, p] ← src[r, c, p] over rows r in [from, to): the first two axes of a
     * contiguous [rows, channels, plane] array swapped, for a row range, into a contiguous [channels, to − from, plane]
     * array. With {@code activation} (shaped as src) given, only where activation &gt; 0 (ReLU's derivative, as
     * {@link #maskByPositive}), and the sum of each channel's written values goes into {@code channelSums}
     * (accumulated in double), else {@code activation} and {@code channelSums} are null. Plane by plane: every
     * plane is one contiguous run in both arrays.
     */
    static Runnable swapLeadingAxes(INDArray src, INDArray activation, int from, int to, INDArray dst,
                                    INDArray channelSums) {
        int channels = Math.toIntExact(src.size(1));
        int plane = Math.toIntExact(src.length() / (src.size(0) * channels));
        int rows = to - from;
        if (dst.length() != (long) channels * rows * plane) {
            throw new IllegalArgumentException("swap of rows " + from + ".." + to + " needs "
                    + (long) channels * rows * plane + " elements, target has " + dst.length());
        }
        boolean masked = activation != null;
        if (src.dataType() == DataType.FLOAT) {
            FloatBuffer in = floats(src);
            FloatBuffer act = masked ? floats(activation) : null;
            FloatBuffer out = floats(dst);
            FloatBuffer sums = masked ? floats(channelSums) : null;
            float[] values = new float[plane];
            float[] acts = new float[plane];
            double[] total = new double[channels];
            return () -> {
                java.util.Arrays.fill(total, 0);
                for (int r = from; r < to; r++) {
                    for (int c = 0; c < channels; c++) {
                        int at = (r * channels + c) * plane;
                        in.get(at, values, 0, plane);
                        if (masked) {
                            act.get(at, acts, 0, plane);
                            maskByPositive(acts, values, plane);
                            double sum = 0;
                            for (int i = 0; i < plane; i++) {
                                sum += values[i];
                            }
                            total[c] += sum;
                        }
                        out.put((c * rows + r - from) * plane, values, 0, plane);
                    }
                }
                if (masked) {
                    for (int c = 0; c < channels; c++) {
                        sums.put(c, (float) total[c]);
                    }
                }
            };
        }
        DoubleBuffer in = doubles(src);
        DoubleBuffer act = masked ? doubles(activation) : null;
        DoubleBuffer out = doubles(dst);
        DoubleBuffer sums = masked ? doubles(channelSums) : null;
        return () -> {
            double[] total = new double[channels];
            for (int r = from; r < to; r++) {
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < plane; i++) {
                        int at = (r * channels + c) * plane + i;
                        double v = masked && !(act.get(at) > 0) ? 0 : in.get(at);
                        total[c] += v;
                        out.put((c * rows + r - from) * plane + i, v);
                    }
                }
            }
            if (masked) {
                for (int c = 0; c < channels; c++) {
                    sums.put(c, total[c]);
                }
            }
        };
    }

    /** The contiguous FLOAT array {@code x} as a buffer over its native memory, in its elements' order. */
    public static FloatBuffer floats(INDArray x) {
        return floatPointer(x).asBuffer();
    }

    /** The contiguous FLOAT array {@code x} as bytes over its native memory, in native byte order. */
    public static ByteBuffer floatBytes(INDArray x) {
        if (x.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a FLOAT array, got " + x.dataType());
        }
        return floatPointer(x).asByteBuffer().order(ByteOrder.nativeOrder());
    }

    /** A pointer over the contiguous array {@code x}'s elements, limited to its length. */
    private static FloatPointer floatPointer(INDArray x) {
        checkContiguous(x);
        FloatPointer p = new FloatPointer(x.data().addressPointer());
        return p.limit(p.position() + x.length());
    }

    /** The contiguous DOUBLE array {@code x} as a buffer over its native memory, in its elements' order. */
    public static DoubleBuffer doubles(INDArray x) {
        checkContiguous(x);
        DoublePointer p = new DoublePointer(x.data().addressPointer());
        return p.limit(p.position() + x.length()).asBuffer();
    }

    /** A vector with unit stride, or a row-major array (or row-major view) without gaps. */
    private static void checkContiguous(INDArray x) {
        if (x.elementWiseStride() != 1 || !(x.isVector() || x.ordering() == 'c')) {
            throw new IllegalArgumentException("expected a contiguous array, got shape "
                    + java.util.Arrays.toString(x.shape()) + " order " + x.ordering()
                    + " with element stride " + x.elementWiseStride());
        }
    }
}
