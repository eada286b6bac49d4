package org.sqnbench.nn;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.sqnbench.data.Dataset;

/**
 * A classifier over ONE contiguous parameter vector and ONE gradient vector: every layer's weights and biases are
 * views into them, so optimizers see plain vectors. Output is LogSoftmax, the loss is the mean NLL over a batch.
 * Activations for each batch size are allocated on first use ({@link Pass}); after that {@link #lossAndGradient}
 * allocates no arrays.
 */
public abstract class Network {
    /** Evaluation runs in chunks of this many samples. */
    static final int EVAL_CHUNK = 500;

    private final DataType dtype;
    private final long[][] shapes;
    private final long[] offsets;
    private final INDArray params;
    private final INDArray gradient;
    private final INDArray[] paramViews;
    private final Map<INDArray, INDArray[]> gradientViews = new IdentityHashMap<>();
    private final Map<Integer, Pass> passes = new HashMap<>();

    /**
     * @param shapes  each parameter tensor's shape, in the order of the flat vector
     * @param fanIns  each tensor's fan-in: it is initialised uniform in ±1/sqrt(fanIn), PyTorch's default
     */
    protected Network(DataType dtype, long seed, long[][] shapes, long[] fanIns) {
        this.dtype = dtype;
        this.shapes = shapes;
        this.offsets = new long[shapes.length + 1];
        for (int i = 0; i < shapes.length; i++) {
            offsets[i + 1] = offsets[i] + length(shapes[i]);
        }
        long n = offsets[shapes.length];
        this.params = Nd4j.create(dtype, n);
        this.gradient = Nd4j.create(dtype, n);
        initialise(seed, fanIns);
        this.paramViews = views(params);
        gradientViews.put(gradient, views(gradient));
    }

    private static long length(long[] shape) {
        long l = 1;
        for (long s : shape) {
            l *= s;
        }
        return l;
    }

    private void initialise(long seed, long[] fanIns) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] values = new double[Math.toIntExact(offsets[shapes.length])];
        for (int t = 0; t < shapes.length; t++) {
            double bound = 1.0 / Math.sqrt(fanIns[t]);
            for (long i = offsets[t]; i < offsets[t + 1]; i++) {
                values[(int) i] = rnd.nextDouble(-bound, bound);
            }
        }
        params.assign(Nd4j.createFromArray(values).castTo(dtype));
    }

    /** Views of {@code flat} shaped like the parameter tensors (weights, biases, layer by layer). */
    private INDArray[] views(INDArray flat) {
        INDArray[] v = new INDArray[shapes.length];
        for (int t = 0; t < shapes.length; t++) {
            v[t] = flat.get(NDArrayIndex.interval(offsets[t], offsets[t + 1])).reshape('c', shapes[t]);
        }
        return v;
    }

    public final DataType dtype() {
        return dtype;
    }

    public final long numParams() {
        return params.length();
    }

    /** The flat parameter vector; writing into it changes the network. */
    public final INDArray params() {
        return params;
    }

    /** The flat gradient vector that {@link #lossAndGradient(Dataset, int[], int, int)} writes. */
    public final INDArray gradient() {
        return gradient;
    }

    /** Parameter tensors as views into {@link #params()}, in flat-vector order. */
    protected final INDArray[] paramViews() {
        return paramViews;
    }

    /** Mean loss over samples {@code idx[from..to)}; their mean gradient goes into {@link #gradient()}. */
    public final double lossAndGradient(Dataset data, int[] idx, int from, int to) {
        return lossAndGradient(data, idx, from, to, gradient);
    }

    /**
     * Mean loss over samples {@code idx[from..to)}; their mean gradient is written into {@code gradOut}, a flat
     * vector of {@link #numParams()} elements (used for the separate parts of an MB-LBFGS batch).
     */
    public final double lossAndGradient(Dataset data, int[] idx, int from, int to, INDArray gradOut) {
        Pass p = pass(to - from);
        double loss = p.forwardLoss(data, idx, from, to);
        Nd4j.exec(p.softmax);
        p.dLogits.subi(p.onehot).muli(1.0 / p.batch);
        INDArray[] g = gradientViews.get(gradOut);
        if (g == null) {
            if (gradOut.length() != numParams() || gradOut.dataType() != dtype || !gradOut.isVector()) {
                throw new IllegalArgumentException("gradient target must be a flat " + dtype + " vector of " + numParams());
            }
            g = views(gradOut);
            gradientViews.put(gradOut, g);
        }
        p.backward(g);
        return loss;
    }

    /** Mean loss over samples {@code idx[from..to)}, without touching the gradient. */
    public final double loss(Dataset data, int[] idx, int from, int to) {
        return pass(to - from).forwardLoss(data, idx, from, to);
    }

    /** Mean loss and accuracy over the whole of {@code data}, in chunks; not part of any timed training step. */
    public final Evaluation evaluate(Dataset data) {
        int n = data.size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < n; from += EVAL_CHUNK) {
            int to = Math.min(n, from + EVAL_CHUNK);
            Pass p = pass(to - from);
            lossSum += p.forwardLoss(data, idx, from, to) * (to - from);
            correct += p.correct();
        }
        return new Evaluation(lossSum / n, (double) correct / n);
    }

    private Pass pass(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("empty batch");
        }
        return passes.computeIfAbsent(batch, this::newPass);
    }

    /** The activations and gradient buffers of one batch size. */
    protected abstract Pass newPass(int batch);

    /**
     * Preallocated arrays for one batch size: input, logits and the loss head here; hidden activations in
     * subclasses, which implement {@link #forward()} (input → logits) and {@link #backward(INDArray[])}.
     */
    protected abstract class Pass {
        protected final int batch;
        protected final INDArray input;
        protected final INDArray logits;
        protected final INDArray dLogits;
        final INDArray logProbs;
        final INDArray onehot;
        private final CustomOp logSoftmax;
        private final Exp softmax;
        private final int[] labels;
        private final int features;
        private final float[] inputStage;
        private final float[] onehotStage;

        protected Pass(int batch, long... inputShape) {
            this.batch = batch;
            this.input = Nd4j.create(dtype, inputShape);
            this.logits = Nd4j.create(dtype, batch, Dataset.CLASSES);
            this.logProbs = Nd4j.create(dtype, batch, Dataset.CLASSES);
            this.dLogits = Nd4j.create(dtype, batch, Dataset.CLASSES);
            this.onehot = Nd4j.create(dtype, batch, Dataset.CLASSES);
            this.logSoftmax = Ops.logSoftmax(logits, logProbs);
            this.softmax = new Exp(logProbs, dLogits);
            this.labels = new int[batch];
            this.features = Math.toIntExact(input.length() / batch);
            this.inputStage = new float[Math.toIntExact(input.length())];
            this.onehotStage = new float[batch * Dataset.CLASSES];
        }

        /** input ← samples, logits ← forward pass; hidden activations kept for {@link #backward(INDArray[])}. */
        protected abstract void forward();

        /** Gradient of the loss into the tensors {@code g}, given {@link #dLogits} = ∂loss/∂logits. */
        protected abstract void backward(INDArray[] g);

        double forwardLoss(Dataset data, int[] idx, int from, int to) {
            load(data, idx, from, to);
            forward();
            Nd4j.exec(logSoftmax);
            double sum = 0;
            for (int i = 0; i < batch; i++) {
                sum -= logProbs.data().getDouble((long) i * Dataset.CLASSES + labels[i]);
            }
            return sum / batch;
        }

        private void load(Dataset data, int[] idx, int from, int to) {
            if (data.features() != features) {
                throw new IllegalArgumentException(data.name() + " has " + data.features()
                        + " values per sample, the network takes " + features);
            }
            java.util.Arrays.fill(onehotStage, 0);
            for (int i = 0; i < batch; i++) {
                int sample = idx[from + i];
                data.copyPixels(sample, inputStage, i * features);
                labels[i] = data.label(sample);
                onehotStage[i * Dataset.CLASSES + labels[i]] = 1;
            }
            upload(inputStage, input);
            upload(onehotStage, onehot);
        }

        /**
         * One bulk copy into the native buffer (DataBuffer.setData copies element by element, which the profiler
         * showed as a large share of the MLP's step); DOUBLE networks (gradient checks) widen first.
         */
        private void upload(float[] stage, INDArray target) {
            if (dtype == DataType.FLOAT) {
                ((FloatPointer) target.data().addressPointer()).put(stage);
            } else {
                double[] wide = new double[stage.length];
                for (int i = 0; i < stage.length; i++) {
                    wide[i] = stage[i];
                }
                ((DoublePointer) target.data().addressPointer()).put(wide);
            }
        }

        /** How many of the batch the last forward pass classified right. */
        int correct() {
            int right = 0;
            for (int i = 0; i < batch; i++) {
                int best = 0;
                for (int c = 1; c < Dataset.CLASSES; c++) {
                    if (logProbs.data().getDouble((long) i * Dataset.CLASSES + c)
                            > logProbs.data().getDouble((long) i * Dataset.CLASSES + best)) {
                        best = c;
                    }
                }
                right += best == labels[i] ? 1 : 0;
            }
            return right;
        }
    }
}
