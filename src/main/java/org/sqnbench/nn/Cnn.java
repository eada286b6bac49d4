package org.sqnbench.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The CIFAR-10 CNN: conv 3→6 5×5 pad 2, ReLU, max-pool 2×2/2, conv 6→16 5×5 pad 2, ReLU, flatten 4096,
 * FC 4096→1000 ReLU, FC 1000→10 (LogSoftmax); 4,109,882 parameters. Convolution weights are PyTorch's
 * [out, in, kH, kW], FC weights [in, out]. Every op is built once per batch size over preallocated arrays
 * and re-executed ({@link Kernel}).
 */
public final class Cnn extends Network {
    static final int C0 = 3;
    static final int C1 = 6;
    static final int C2 = 16;
    static final int K = 5;
    static final int PAD = 2;
    static final int SIDE = 32;
    static final int POOLED = SIDE / 2;
    static final int FLAT = C2 * POOLED * POOLED;
    static final int HIDDEN = 1000;
    static final int OUT = 10;

    public Cnn(DataType dtype, long seed) {
        super(dtype, seed,
                new long[][]{{C1, C0, K, K}, {C1}, {C2, C1, K, K}, {C2}, {FLAT, HIDDEN}, {1, HIDDEN}, {HIDDEN, OUT}, {1, OUT}},
                new long[]{C0 * K * K, C0 * K * K, C1 * K * K, C1 * K * K, FLAT, FLAT, HIDDEN, HIDDEN});
    }

    @Override
    protected Pass newPass(int batch) {
        return new CnnPass(batch);
    }

    private final class CnnPass extends Pass {
        private final INDArray conv1;
        private final INDArray pooled;
        private final INDArray conv2;
        private final INDArray flat;
        private final INDArray hidden;
        private final INDArray dHidden;
        private final INDArray dFlatT;
        private final INDArray dFlat;
        private final INDArray dConv2;
        private final INDArray dPooled;
        private final INDArray dConv1;
        private final INDArray ones;

        CnnPass(int batch) {
            super(batch, batch, C0, SIDE, SIDE);
            DataType t = dtype();
            conv1 = Nd4j.create(t, batch, C1, SIDE, SIDE);
            pooled = Nd4j.create(t, batch, C1, POOLED, POOLED);
            conv2 = Nd4j.create(t, batch, C2, POOLED, POOLED);
            flat = conv2.reshape('c', batch, FLAT);
            hidden = Nd4j.create(t, batch, HIDDEN);
            dHidden = Nd4j.create(t, batch, HIDDEN);
            dFlatT = Nd4j.create(t, FLAT, batch);
            dFlat = Nd4j.create(t, batch, FLAT);
            dConv2 = dFlat.reshape('c', batch, C2, POOLED, POOLED);
            dPooled = Nd4j.create(t, batch, C1, POOLED, POOLED);
            dConv1 = Nd4j.create(t, batch, C1, SIDE, SIDE);
            ones = Nd4j.ones(t, 1, batch);
        }

        @Override
        protected Kernel[] forwardKernels() {
            INDArray[] w = paramViews();
            return new Kernel[]{Kernel.conv2d(input, w[0], w[1], conv1, PAD), Kernel.relu(conv1),
                    Kernel.maxPool(conv1, pooled, 2),
                    Kernel.conv2d(pooled, w[2], w[3], conv2, PAD), Kernel.relu(conv2),
                    Kernel.affine(flat, w[4], w[5], ones, hidden), Kernel.relu(hidden),
                    Kernel.affine(hidden, w[6], w[7], ones, logits)};
        }

        /**
         * ∂flat is computed transposed, W4·∂hiddenᵀ: ND4J's matmul copies a transposed operand before the product,
         * and ∂hidden·W4ᵀ copied the 16 MB W4 (3.3 ms against 1.6 ms, CNN on 2 threads); the Java pass that applies
         * ReLU's derivative puts it back in batch-major order.
         */
        @Override
        protected Kernel[] sharedBackwardKernels() {
            INDArray[] w = paramViews();
            return new Kernel[]{Kernel.matmul(dLogits, false, w[6], true, dHidden, 0),
                    Kernel.reluBackward(hidden, dHidden),
                    Kernel.matmul(w[4], false, dHidden, true, dFlatT, 0),
                    Kernel.reluBackwardTransposed(flat, dFlatT, dFlat)};
        }

        /**
         * The FC weight gradients; conv2's backward op, which writes its weights' gradient with its input's; and conv1's
         * weight and bias gradients alone ({@link Kernel#firstConvWeightGradients}): the image's gradient is not needed.
         */
        @Override
        protected Kernel[] partBackwardKernels(INDArray[] g, int from, int to) {
            INDArray[] w = paramViews();
            INDArray one = ones.get(NDArrayIndex.all(), NDArrayIndex.interval(0, to - from));
            return new Kernel[]{Kernel.affineBackward(rows(hidden, from, to), rows(dLogits, from, to), one, g[6], g[7]),
                    Kernel.affineBackward(rows(flat, from, to), rows(dHidden, from, to), one, g[4], g[5]),
                    Kernel.conv2dBackward(rows(pooled, from, to), w[2], w[3], rows(dConv2, from, to),
                            rows(dPooled, from, to), g[2], g[3], PAD),
                    Kernel.maxPoolBackward(rows(conv1, from, to), rows(dPooled, from, to), rows(dConv1, from, to), 2),
                    Kernel.firstConvWeightGradients(input, conv1, dConv1, from, to, g[0], g[1], PAD)};
        }
    }
}
