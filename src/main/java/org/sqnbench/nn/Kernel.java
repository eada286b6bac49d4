package org.sqnbench.nn;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One step of a pass, run again and again over the same preallocated arrays: a native ND4J op bound once to its
 * arrays and arguments through an {@link OpContext}, or a Java loop over the arrays' native memory
 * ({@link NativeVectors}) where ND4J's op is slow for what it does. Building a native call each time (Nd4j.gemm,
 * Nd4j.exec of a new or even a reused op) measured 6–24 µs of dispatch per op here, against about 2 µs with a bound
 * context; a small MLP gradient is some twenty ops, so that dispatch was a large part of it.
 */
final class Kernel {
    /** Rows per convolution of {@link #firstConvWeightGradients}. */
    static final int FIRST_CONV_ROWS = 64;

    private final String name;
    private final Runnable[] steps;
    /**
     * The arrays a Java or cblas step reaches through raw pointers: held here so that their memory, which ND4J frees
     * when an array is collected, lives as long as the step (a bound op holds its arrays itself).
     */
    private final INDArray[] keepAlive;

    private Kernel(String name, Runnable[] steps, INDArray... keepAlive) {
        this.name = name;
        this.steps = steps;
        this.keepAlive = keepAlive;
    }

    private Kernel(String name, Runnable step, INDArray... keepAlive) {
        this(name, new Runnable[]{step}, keepAlive);
    }

    private static Kernel op(String name, INDArray[] inputs, INDArray[] outputs, long[] ints, double[] floats) {
        OpContext context = Nd4j.getExecutioner().buildContext();
        CustomOp op = DynamicCustomOp.builder(name).build();
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        if (ints.length > 0) {
            context.setIArguments(ints);
        }
        if (floats.length > 0) {
            context.setTArguments(floats);
        }
        return new Kernel(name, () -> Nd4j.exec(op, context));
    }

    /** The parts run one after another, as one kernel. */
    private static Kernel sequence(Kernel... parts) {
        return new Kernel(Arrays.stream(parts).map(k -> k.name).collect(Collectors.joining("+")),
                Arrays.stream(parts).flatMap(k -> Arrays.stream(k.steps)).toArray(Runnable[]::new),
                Arrays.stream(parts).flatMap(k -> Arrays.stream(k.keepAlive)).toArray(INDArray[]::new));
    }

    @Override
    public String toString() {
        return name;
    }

    void run() {
        for (Runnable step : steps) {
            step.run();
        }
    }

    static void runAll(Kernel[] kernels) {
        for (Kernel k : kernels) {
            k.run();
        }
    }

    private static INDArray[] arrays(INDArray... a) {
        return a;
    }

    /** c ← a·b + beta·c, with optional transposes of a and b. */
    static Kernel matmul(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double beta) {
        long m = c.size(0);
        long n = c.size(1);
        long k = transA ? a.size(0) : a.size(1);
        if (m * n * k < SMALL_PRODUCT && rowMajor(a) && rowMajor(b) && rowMajor(c)) {
            return new Kernel("gemm(openblas)", gemm(a, transA, b, transB, c, beta, (int) m, (int) n, (int) k), a, b, c);
        }
        return op("matmul", arrays(a, b), arrays(c), new long[]{transA ? 1 : 0, transB ? 1 : 0, 0},
                new double[]{1.0, beta});
    }

    /**
     * Products of fewer multiply-adds than this go to OpenBLAS's cblas gemm, called directly on the arrays' memory:
     * it measured 1–4 µs a call on the networks' small products (64×64×10, rank-1 bias products) where ND4J's matmul
     * op (oneDNN) took 8–9 µs, and 14 against 13 µs at 64×128×64 = 524,288, where oneDNN starts to win (ours, from
     * one run of each shape on one thread). OpenBLAS runs on the calling thread (it is kept single-threaded, see
     * {@link Backend#init}), so this wakes no thread pool.
     */
    static final long SMALL_PRODUCT = 1 << 17;

    /** A matrix whose rows are contiguous and evenly spaced, as cblas's row-major layout with a leading dimension. */
    private static boolean rowMajor(INDArray x) {
        return x.rank() == 2
                && (x.size(0) == 1 ? x.elementWiseStride() == 1 : x.stride(1) == 1 && x.stride(0) >= x.size(1));
    }

    /** The leading dimension cblas needs: the distance between rows (any value ≥ the row's length for one row). */
    private static int leading(INDArray x) {
        return (int) (x.size(0) == 1 ? x.size(1) : x.stride(0));
    }

    private static Runnable gemm(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c, double beta,
                                 int m, int n, int k) {
        int ta = transA ? CblasTrans : CblasNoTrans;
        int tb = transB ? CblasTrans : CblasNoTrans;
        int lda = leading(a);
        int ldb = leading(b);
        int ldc = leading(c);
        if (c.dataType() == DataType.FLOAT) {
            FloatPointer pa = new FloatPointer(a.data().addressPointer());
            FloatPointer pb = new FloatPointer(b.data().addressPointer());
            FloatPointer pc = new FloatPointer(c.data().addressPointer());
            float fb = (float) beta;
            return () -> cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1f, pa, lda, pb, ldb, fb, pc, ldc);
        }
        DoublePointer pa = new DoublePointer(a.data().addressPointer());
        DoublePointer pb = new DoublePointer(b.data().addressPointer());
        DoublePointer pc = new DoublePointer(c.data().addressPointer());
        return () -> cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, pa, lda, pb, ldb, beta, pc, ldc);
    }

    /**
     * out ← in·W + 1·bᵀ for a batch of rows, as two products: the bias rows come from a rank-1 product with a row of
     * ones ({@code ones} is [1, batch]) and the layer product accumulates onto them (β = 1), which measured faster
     * than a separate broadcast add on the MLP.
     */
    static Kernel affine(INDArray in, INDArray weights, INDArray bias, INDArray ones, INDArray out) {
        return sequence(matmul(ones, true, bias, false, out, 0.0), matmul(in, false, weights, false, out, 1.0));
    }

    /** ∂W = inᵀ·delta and ∂b = 1ᵀ·delta (column sums as a product with a row of ones) of a layer in·W + b. */
    static Kernel affineBackward(INDArray in, INDArray delta, INDArray ones, INDArray gradW, INDArray gradB) {
        return sequence(matmul(in, true, delta, false, gradW, 0.0), matmul(ones, false, delta, false, gradB, 0.0));
    }

    /** x ← max(x, 0) in place. */
    static Kernel relu(INDArray x) {
        return op("relu", arrays(x), arrays(x), new long[0], new double[]{0.0});
    }

    /**
     * delta ← delta where activation &gt; 0, else 0 (ReLU's derivative, read off its output), as a Java loop: ND4J's
     * {@code relu_bp} op took about 2.7 ns an element here (26 µs on the MLP's 8,192-element first layer).
     */
    static Kernel reluBackward(INDArray activation, INDArray delta) {
        sameLength(activation, delta);
        return new Kernel("relu_bp(java)", NativeVectors.maskByPositive(activation, delta), activation, delta);
    }

    /**
     * out ← deltaTᵀ where activation &gt; 0, else 0, for deltaT of shape [features, batch] and activation and out
     * of shape [batch, features]: the CNN's ∂flat arrives transposed (see {@code Cnn}) and goes back to the
     * batch-major layout the convolution's backward op needs in the same Java pass that applies ReLU's derivative.
     */
    static Kernel reluBackwardTransposed(INDArray activation, INDArray deltaT, INDArray out) {
        sameLength(activation, deltaT);
        sameLength(activation, out);
        return new Kernel("relu_bp_transposed(java)",
                NativeVectors.transposeMaskByPositive(activation, deltaT, out),
                activation, deltaT, out);
    }

    private static void sameLength(INDArray a, INDArray b) {
        if (a.length() != b.length() || a.dataType() != b.dataType()) {
            throw new IllegalArgumentException("element-wise kernel over " + a.length() + " " + a.dataType()
                    + " and " + b.length() + " " + b.dataType());
        }
    }

    /** Convolution with stride 1, NCHW, weights [out, in, kH, kW] (PyTorch's layout). */
    static Kernel conv2d(INDArray x, INDArray w, INDArray b, INDArray out, int pad) {
        return op("conv2d", arrays(x, w, b), arrays(out), convArgs(w, pad), new double[0]);
    }

    /** Gradients of {@link #conv2d} with respect to input, weights and bias, given the output's gradient. */
    static Kernel conv2dBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut,
                                 INDArray gradIn, INDArray gradW, INDArray gradB, int pad) {
        return op("conv2d_bp", arrays(x, w, b, gradOut), arrays(gradIn, gradW, gradB), convArgs(w, pad),
                new double[0]);
    }

    /**
     * The weight and bias gradients of a first convolution layer, whose input's gradient nobody needs, for rows
     * [from, to) of a batch: {@code x} is the layer's input [batch, in, h, w], {@code activation} its ReLU output
     * and {@code gradOut} the gradient at that output before ReLU's derivative, both [batch, out, h, w]. ND4J's
     * {@code conv2d_bp} always computes the input's gradient too, and took 4.3 ms for the CNN's first layer on
     * 2 threads (6.0 on 1). Instead, with the batch and channel axes of the input and of the masked output gradient
     * swapped, the weight gradient is itself a convolution, ∂W[o, i] = Σ_n x[n, i] ⋆ ∂out[n, o]: input
     * [in, rows, h, w], weights [out, rows, h, w], padding as the layer's, output [in, out, k, k]; 2.3 ms on 2 threads
     * and 2.5 on 1.
     * The Java passes that swap the axes also apply ReLU's derivative and sum the bias gradient.
     * That convolution runs on at most {@value #FIRST_CONV_ROWS} rows at a time, the chunks' gradients added up:
     * oneDNN's time per row, flat at about 41 µs from 16 to 128 rows (CIFAR-sized images, 2 threads), grew to 79 at
     * 256 rows and 212 at 1024, which made a batch-1024 CNN gradient cost 6.6 times a batch-256 one.
     */
    static Kernel firstConvWeightGradients(INDArray x, INDArray activation, INDArray gradOut, int from, int to,
                                           INDArray gradW, INDArray gradB, int pad) {
        return firstConvWeightGradients(x, activation, gradOut, from, to, gradW, gradB, pad, FIRST_CONV_ROWS);
    }

    /** {@link #firstConvWeightGradients} in chunks of at most {@code chunkRows} rows. */
    static Kernel firstConvWeightGradients(INDArray x, INDArray activation, INDArray gradOut, int from, int to,
                                           INDArray gradW, INDArray gradB, int pad, int chunkRows) {
        DataType t = x.dataType();
        long out = gradW.size(0);
        long in = gradW.size(1);
        INDArray gradWSwapped = Nd4j.create(t, in, out, gradW.size(2), gradW.size(3));
        INDArray chunkW = Nd4j.create(t, in, out, gradW.size(2), gradW.size(3));
        INDArray chunkB = Nd4j.create(t, gradB.shape());
        List<Kernel> steps = new ArrayList<>();
        Map<Integer, INDArray[]> swapped = new HashMap<>();
        for (int c0 = from; c0 < to; c0 += chunkRows) {
            int c1 = Math.min(to, c0 + chunkRows);
            boolean first = c0 == from;
            // chunks of one size run one after another, so they share their swapped buffers
            INDArray[] buffers = swapped.computeIfAbsent(c1 - c0, rows -> new INDArray[]{
                    Nd4j.create(t, in, rows, x.size(2), x.size(3)),
                    Nd4j.create(t, out, rows, gradOut.size(2), gradOut.size(3))});
            INDArray xSwapped = buffers[0];
            INDArray gradSwapped = buffers[1];
            INDArray w = first ? gradWSwapped : chunkW;
            INDArray b = first ? gradB : chunkB;
            steps.add(new Kernel("swap(java)", NativeVectors.swapLeadingAxes(x, null, c0, c1, xSwapped, null),
                    x, xSwapped));
            steps.add(new Kernel("relu_bp+swap+bias(java)",
                    NativeVectors.swapLeadingAxes(gradOut, activation, c0, c1, gradSwapped, b),
                    gradOut, activation, gradSwapped, b));
            steps.add(op("conv2d", arrays(xSwapped, gradSwapped), arrays(w), convArgs(gradSwapped, pad),
                    new double[0]));
            if (!first) {
                steps.add(op("add", arrays(gradWSwapped, chunkW), arrays(gradWSwapped), new long[0], new double[0]));
                steps.add(op("add", arrays(gradB, chunkB), arrays(gradB), new long[0], new double[0]));
            }
        }
        steps.add(new Kernel("swap(java)",
                NativeVectors.swapLeadingAxes(gradWSwapped, null, 0, (int) in, gradW, null), gradWSwapped, gradW));
        return sequence(steps.toArray(Kernel[]::new));
    }

    private static long[] convArgs(INDArray w, int pad) {
        // kH, kW, sH, sW, pH, pW, dH, dW, sameMode, NHWC?, weight format 1 = [oC, iC, kH, kW]
        return new long[]{w.size(2), w.size(3), 1, 1, pad, pad, 1, 1, 0, 0, 1};
    }

    /** Max-pooling with a size×size window and stride size, NCHW. */
    static Kernel maxPool(INDArray x, INDArray out, int size) {
        return op("maxpool2d", arrays(x), arrays(out), poolArgs(size), new double[0]);
    }

    static Kernel maxPoolBackward(INDArray x, INDArray gradOut, INDArray gradIn, int size) {
        return op("maxpool2d_bp", arrays(x, gradOut), arrays(gradIn), poolArgs(size), new double[0]);
    }

    private static long[] poolArgs(int size) {
        // kH, kW, sH, sW, pH, pW, dH, dW, sameMode, extraParam0, NHWC?
        return new long[]{size, size, size, size, 0, 0, 1, 1, 0, 0, 0};
    }
}
