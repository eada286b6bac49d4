package org.sqnbench.nn;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
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
        p.lossGradient();
        INDArray[] g = gradientViews.get(gradOut);
        if (g == null) {
            if (gradOut.length() != numParams() || gradOut.dataType() != dtype || !gradOut.isVector()) {
                throw new IllegalArgumentException("gradient target must be a flat " + dtype + " vector of " + numParams());
            }
            g = views(gradOut);
            gradientViews.put(gradOut, g);
        }
        Kernel.runAll(p.backwardKernelsCached(g));
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
     * Preallocated arrays for one batch size, and the kernels over them: input, logits and the loss head here;
     * hidden activations in subclasses, which list the kernels of their forward pass (input → logits) and of their
     * backward pass into a gradient target. The logits come back to Java once per pass (batch × 10 values): the
     * log-softmax, the loss, the accuracy and ∂loss/∂logits = (softmax − onehot)/batch are computed there, in
     * double, which costs less than the native calls it replaces (ND4J's log_softmax alone took 15 µs on a
     * batch of 64, as long as the MLP's second layer).
     */
    protected abstract class Pass {
        protected final int batch;
        protected final INDArray input;
        protected final INDArray logits;
        protected final INDArray dLogits;
        private final int[] labels;
        private final int features;
        private final float[] inputStage;
        private final float[] headFloats;
        /** logits, then log-probabilities of the last forward pass, then ∂loss/∂logits. */
        private final double[] head;
        private Kernel[] forward;
        /** Backward kernels per gradient target (their outputs are views into it). */
        private final Map<INDArray[], Kernel[]> backward = new IdentityHashMap<>();

        protected Pass(int batch, long... inputShape) {
            this.batch = batch;
            this.input = Nd4j.create(dtype, inputShape);
            this.logits = Nd4j.create(dtype, batch, Dataset.CLASSES);
            this.dLogits = Nd4j.create(dtype, batch, Dataset.CLASSES);
            this.labels = new int[batch];
            this.features = Math.toIntExact(input.length() / batch);
            this.inputStage = new float[Math.toIntExact(input.length())];
            this.headFloats = new float[batch * Dataset.CLASSES];
            this.head = new double[batch * Dataset.CLASSES];
        }

        /** The kernels that take {@link #input} to {@link #logits}, keeping what backward needs; called once. */
        protected abstract Kernel[] forwardKernels();

        /** The kernels that take {@link #dLogits} = ∂loss/∂logits to the gradient tensors {@code g}; once per g. */
        protected abstract Kernel[] backwardKernels(INDArray[] g);

        private Kernel[] backwardKernelsCached(INDArray[] g) {
            return backward.computeIfAbsent(g, this::backwardKernels);
        }

        double forwardLoss(Dataset data, int[] idx, int from, int to) {
            load(data, idx, from, to);
            if (forward == null) {
                forward = forwardKernels();
            }
            Kernel.runAll(forward);
            download(logits, head);
            logSoftmaxRows();
            double sum = 0;
            for (int i = 0; i < batch; i++) {
                sum -= head[i * Dataset.CLASSES + labels[i]];
            }
            return sum / batch;
        }

        /** head ← log-softmax of each row of head, shifted by the row's maximum so exp cannot overflow. */
        private void logSoftmaxRows() {
            for (int i = 0; i < batch; i++) {
                int row = i * Dataset.CLASSES;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < Dataset.CLASSES; c++) {
                    max = Math.max(max, head[row + c]);
                }
                double sum = 0;
                for (int c = 0; c < Dataset.CLASSES; c++) {
                    sum += Math.exp(head[row + c] - max);
                }
                double logSum = max + Math.log(sum);
                for (int c = 0; c < Dataset.CLASSES; c++) {
                    head[row + c] -= logSum;
                }
            }
        }

        /** dLogits ← (softmax − onehot)/batch from the last forward pass. */
        void lossGradient() {
            for (int i = 0; i < batch; i++) {
                for (int c = 0; c < Dataset.CLASSES; c++) {
                    int at = i * Dataset.CLASSES + c;
                    head[at] = (Math.exp(head[at]) - (c == labels[i] ? 1 : 0)) / batch;
                }
            }
            upload(head, dLogits);
        }

        private void load(Dataset data, int[] idx, int from, int to) {
            if (data.features() != features) {
                throw new IllegalArgumentException(data.name() + " has " + data.features()
                        + " values per sample, the network takes " + features);
            }
            for (int i = 0; i < batch; i++) {
                int sample = idx[from + i];
                data.copyPixels(sample, inputStage, i * features);
                labels[i] = data.label(sample);
            }
            if (dtype == DataType.FLOAT) {
                ((FloatPointer) input.data().addressPointer()).put(inputStage);
            } else {
                double[] wide = new double[inputStage.length];
                for (int i = 0; i < inputStage.length; i++) {
                    wide[i] = inputStage[i];
                }
                ((DoublePointer) input.data().addressPointer()).put(wide);
            }
        }

        /*
         * Bulk copies between a small native array and Java (DataBuffer's element-wise accessors showed up in the
         * profile); FLOAT goes through a float[] scratch, DOUBLE (gradient checks) directly.
         */
        private void download(INDArray source, double[] target) {
            if (dtype == DataType.FLOAT) {
                ((FloatPointer) source.data().addressPointer()).get(headFloats);
                for (int i = 0; i < target.length; i++) {
                    target[i] = headFloats[i];
                }
            } else {
                ((DoublePointer) source.data().addressPointer()).get(target);
            }
        }

        private void upload(double[] source, INDArray target) {
            if (dtype == DataType.FLOAT) {
                for (int i = 0; i < source.length; i++) {
                    headFloats[i] = (float) source[i];
                }
                ((FloatPointer) target.data().addressPointer()).put(headFloats);
            } else {
                ((DoublePointer) target.data().addressPointer()).put(source);
            }
        }

        /** How many of the batch the last forward pass classified right. */
        int correct() {
            int right = 0;
            for (int i = 0; i < batch; i++) {
                int best = 0;
                for (int c = 1; c < Dataset.CLASSES; c++) {
                    if (head[i * Dataset.CLASSES + c] > head[i * Dataset.CLASSES + best]) {
                        best = c;
                    }
                }
                right += best == labels[i] ? 1 : 0;
            }
            return right;
        }
    }
}
