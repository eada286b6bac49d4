package org.sqnbench.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.factory.Nd4j;

/** The few in-place ND4J operations the networks are made of; none allocates an array. */
final class Ops {
    private Ops() {
    }

    /** c = a·b (with optional transposes), written into the existing c. */
    static void matmul(INDArray a, boolean transA, INDArray b, boolean transB, INDArray c) {
        Nd4j.gemm(a, b, c, transA, transB, 1.0, 0.0);
    }

    /**
     * out ← in·W + 1·bᵀ for a batch of rows: the bias rows come from a rank-1 product with a row of ones
     * ({@code ones} is [1, batch]) and the layer product accumulates onto them (gemm with β = 1), which measured
     * faster than a separate broadcast add on the MLP.
     */
    static void affine(INDArray in, INDArray weights, INDArray bias, INDArray ones, INDArray out) {
        Nd4j.gemm(ones, bias, out, true, false, 1.0, 0.0);
        Nd4j.gemm(in, weights, out, false, false, 1.0, 1.0);
    }

    static void relu(INDArray x) {
        Nd4j.exec(new RectifiedLinear(x, x, 0.0));
    }

    /** delta ← delta where activation &gt; 0, else 0 (ReLU's derivative, read off its output). */
    static CustomOp reluBackward(INDArray activation, INDArray delta) {
        return DynamicCustomOp.builder("relu_bp").addInputs(activation, delta).addOutputs(delta)
                .addFloatingPointArguments(0.0).build();
    }

    /** 5×5-style convolution, stride 1, NCHW, weights [out, in, kH, kW] (PyTorch's layout). */
    static CustomOp conv2d(INDArray x, INDArray w, INDArray b, INDArray out, int pad) {
        return DynamicCustomOp.builder("conv2d").addInputs(x, w, b).addOutputs(out)
                .addIntegerArguments(convArgs(w, pad)).build();
    }

    /** Gradients of {@link #conv2d} with respect to input, weights and bias, given the output's gradient. */
    static CustomOp conv2dBackward(INDArray x, INDArray w, INDArray b, INDArray gradOut,
                                   INDArray gradIn, INDArray gradW, INDArray gradB, int pad) {
        return DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, b, gradOut).addOutputs(gradIn, gradW, gradB)
                .addIntegerArguments(convArgs(w, pad)).build();
    }

    private static int[] convArgs(INDArray w, int pad) {
        // kH, kW, sH, sW, pH, pW, dH, dW, sameMode, NHWC?, weight format 1 = [oC, iC, kH, kW]
        return new int[]{(int) w.size(2), (int) w.size(3), 1, 1, pad, pad, 1, 1, 0, 0, 1};
    }

    /** Max-pooling with a size×size window and stride size, NCHW. */
    static CustomOp maxPool(INDArray x, INDArray out, int size) {
        return DynamicCustomOp.builder("maxpool2d").addInputs(x).addOutputs(out)
                .addIntegerArguments(poolArgs(size)).build();
    }

    static CustomOp maxPoolBackward(INDArray x, INDArray gradOut, INDArray gradIn, int size) {
        return DynamicCustomOp.builder("maxpool2d_bp").addInputs(x, gradOut).addOutputs(gradIn)
                .addIntegerArguments(poolArgs(size)).build();
    }

    private static int[] poolArgs(int size) {
        // kH, kW, sH, sW, pH, pW, dH, dW, sameMode, extraParam0, NHWC?
        return new int[]{size, size, size, size, 0, 0, 1, 1, 0, 0, 0};
    }

    static CustomOp logSoftmax(INDArray logits, INDArray out) {
        return DynamicCustomOp.builder("log_softmax").addInputs(logits).addOutputs(out).build();
    }
}
