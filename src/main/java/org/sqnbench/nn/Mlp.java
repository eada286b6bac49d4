package org.sqnbench.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The MNIST MLP: 784 → 128 ReLU → 64 ReLU → 10 (LogSoftmax), 109,386 parameters. Weights are stored [in, out] so
 * a layer is one gemm, z = a·W + b; bias gradients are column sums, done as a gemm with a row of ones.
 */
public final class Mlp extends Network {
    static final int IN = 784;
    static final int H1 = 128;
    static final int H2 = 64;
    static final int OUT = 10;

    public Mlp(DataType dtype, long seed) {
        super(dtype, seed,
                new long[][]{{IN, H1}, {1, H1}, {H1, H2}, {1, H2}, {H2, OUT}, {1, OUT}},
                new long[]{IN, IN, H1, H1, H2, H2});
    }

    @Override
    protected Pass newPass(int batch) {
        return new MlpPass(batch);
    }

    private final class MlpPass extends Pass {
        private final INDArray a1;
        private final INDArray a2;
        private final INDArray d1;
        private final INDArray d2;
        private final INDArray ones;

        MlpPass(int batch) {
            super(batch, batch, IN);
            a1 = Nd4j.create(dtype(), batch, H1);
            a2 = Nd4j.create(dtype(), batch, H2);
            d1 = Nd4j.create(dtype(), batch, H1);
            d2 = Nd4j.create(dtype(), batch, H2);
            ones = Nd4j.ones(dtype(), 1, batch);
        }

        @Override
        protected Kernel[] forwardKernels() {
            INDArray[] w = paramViews();
            return new Kernel[]{Kernel.affine(input, w[0], w[1], ones, a1), Kernel.relu(a1),
                    Kernel.affine(a1, w[2], w[3], ones, a2), Kernel.relu(a2),
                    Kernel.affine(a2, w[4], w[5], ones, logits)};
        }

        @Override
        protected Kernel[] sharedBackwardKernels() {
            INDArray[] w = paramViews();
            return new Kernel[]{Kernel.matmul(dLogits, false, w[4], true, d2, 0), Kernel.reluBackward(a2, d2),
                    Kernel.matmul(d2, false, w[2], true, d1, 0), Kernel.reluBackward(a1, d1)};
        }

        @Override
        protected Kernel[] partBackwardKernels(INDArray[] g, int from, int to) {
            INDArray one = ones.get(NDArrayIndex.all(), NDArrayIndex.interval(0, to - from));
            return new Kernel[]{Kernel.affineBackward(rows(a2, from, to), rows(dLogits, from, to), one, g[4], g[5]),
                    Kernel.affineBackward(rows(a1, from, to), rows(d2, from, to), one, g[2], g[3]),
                    Kernel.affineBackward(rows(input, from, to), rows(d1, from, to), one, g[0], g[1])};
        }
    }
}
