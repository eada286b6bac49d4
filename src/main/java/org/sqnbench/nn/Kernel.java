package org.sqnbench.nn;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One native ND4J op bound once to its arrays and arguments through an {@link OpContext}, then re-executed.
 * Building the call each time (Nd4j.gemm, Nd4j.exec of a new or even a reused op) measured 6–24 µs of dispatch per
 * op here, against about 2 µs with a bound context; a small MLP gradient is some twenty ops, so that dispatch was a
 * large part of it. The networks therefore build every op of a pass once, over their preallocated arrays.
 */
final class Kernel {
    /** The ops run in order, each with its bound context (several for a composite such as {@link #affine}). */
    private final CustomOp[] ops;
    private final OpContext[] contexts;

    private Kernel(String name, INDArray[] inputs, INDArray[] outputs, long[] ints, double[] floats) {
        OpContext context = Nd4j.getExecutioner().buildContext();
        this.ops = new CustomOp[]{DynamicCustomOp.builder(name).build()};
        this.contexts = new OpContext[]{context};
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        if (ints.length > 0) {
            context.setIArguments(ints);
        }
        if (floats.length > 0) {
            context.setTArguments(floats);
        }
    }

    /** The parts run one after another, as one kernel. */
    private Kernel(Kernel... parts) {
        this.ops = Arrays.stream(parts).flatMap(k -> Arrays.stream(k.ops)).toArray(CustomOp[]::new);
        this.contexts = Arrays.stream(parts).flatMap(k -> Arrays.stream(k.contexts)).toArray(OpContext[]::new);
    }

    @Override
    public String toString() {
        return Arrays.stream(ops).map(CustomOp::opName).collect(Collectors.joining("+"));
    }

    void run() {
        for (int i = 0; i < ops.length; i++) {
            Nd4j.exec(ops[i], contexts[i]);
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
        return new Kernel("matmul", arrays(a, b), arrays(c), new long[]{transA ? 1 : 0, transB ? 1 : 0, 0},
                new double[]{1.0, beta});
    }

    /**
     * out ← in·W + 1·bᵀ for a batch of rows, as two products: the bias rows come from a rank-1 product with a row of
     * ones ({@code ones} is [1, batch]) and the layer product accumulates onto them (β = 1), which measured faster
     * than a separate broadcast add on the MLP.
     */
    static Kernel affine(INDArray in, INDArray weights, INDArray bias, INDArray ones, INDArray out) {
        return new Kernel(matmul(ones, true, bias, false, out, 0.0), matmul(in, false, weights, false, out, 1.0));
    }

    /** ∂W = inᵀ·delta and ∂b = 1ᵀ·delta (column sums as a product with a row of ones) of a layer in·W + b. */
    static Kernel affineBackward(INDArray in, INDArray delta, INDArray ones, INDArray gradW, INDArray gradB) {
        return new Kernel(matmul(in, true, delta, false, gradW, 0.0), matmul(ones, false, delta, false, gradB, 0.0));
    }

    /** x ← max(x, 0) in place. */
    static Kernel relu(INDArray x) {
        return new Kernel("relu", arrays(x), arrays(x), new long[0], new double[]{0.0});
    }

    /** delta ← delta where activation &gt; 0, else 0 (ReLU's derivative, read off its output). */
    static Kernel reluBackward(INDArray activation, INDArray delta) {
        return new Kernel("relu_bp", arrays(activation, delta), arrays(delta), new long[0], new double[]{0.0});
    }

    /** Convolution with stride 1, NCHW, weights [out, in, kH, kW] (PyTorch's layout). */
    static Kernel conv2d(INDArray x, INDArray w, INDArray b, INDArray out, int pad) {
        return new Kernel("conv2d", arrays(x, w, b), arrays(out), convArgs(w, pad), new double[0]);
    }

    /** Gradients of {@link #conv2d} with respect to input, weights and bias, given the output's gradient. */
    static Kernel conv2dBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut,
                                 INDArray gradIn, INDArray gradW, INDArray gradB, int pad) {
        return new Kernel("conv2d_bp", arrays(x, w, b, gradOut), arrays(gradIn, gradW, gradB), convArgs(w, pad),
                new double[0]);
    }

    private static long[] convArgs(INDArray w, int pad) {
        // kH, kW, sH, sW, pH, pW, dH, dW, sameMode, NHWC?, weight format 1 = [oC, iC, kH, kW]
        return new long[]{w.size(2), w.size(3), 1, 1, pad, pad, 1, 1, 0, 0, 1};
    }

    /** Max-pooling with a size×size window and stride size, NCHW. */
    static Kernel maxPool(INDArray x, INDArray out, int size) {
        return new Kernel("maxpool2d", arrays(x), arrays(out), poolArgs(size), new double[0]);
    }

    static Kernel maxPoolBackward(INDArray x, INDArray gradOut, INDArray gradIn, int size) {
        return new Kernel("maxpool2d_bp", arrays(x, gradOut), arrays(gradIn), poolArgs(size), new double[0]);
    }

    private static long[] poolArgs(int size) {
        // kH, kW, sH, sW, pH, pW, dH, dW, sameMode, extraParam0, NHWC?
        return new long[]{size, size, size, size, 0, 0, 1, 1, 0, 0, 0};
    }
}
