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
import org.nd4j.linalg.indexing.INDArrayIndex;
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
        double[] loss = new double[1];
        lossAndPartGradients(data, idx, from, new int[]{to}, new INDArray[]{gradOut}, loss);
        return loss[0];
    }

    /**
     * The mean losses and mean gradients of consecutive parts of one batch: part i is samples
     * {@code idx[ends[i−1]..ends[i])}, with ends[−1] = {@code from}; its mean gradient goes into {@code gradOuts[i]}
     * and its mean loss into {@code losses[i]}. One forward pass and one backward pass of the deltas run over the
     * whole batch; only what sums over samples (the weight gradients, and the convolutions, whose op computes its
     * input's gradient with its weights') runs part by part, on row views. MB-LBFGS asked for its three parts in
     * three separate passes before, which cost 1.7× one batch-64 gradient on the MLP.
     */
    public final void lossAndPartGradients(Dataset data, int[] idx, int from, int[] ends, INDArray[] gradOuts,
                                           double[] losses) {
        if (ends.length == 0 || ends.length != gradOuts.length || ends.length != losses.length) {
            throw new IllegalArgumentException("need as many part ends, gradient targets and losses, at least one");
        }
        int[] rowEnds = new int[ends.length];
        for (int i = 0; i < ends.length; i++) {
            rowEnds[i] = ends[i] - from;
            if (rowEnds[i] <= (i == 0 ? 0 : rowEnds[i - 1])) {
                throw new IllegalArgumentException("empty or unordered part " + i + " in " + java.util.Arrays.toString(ends));
            }
        }
        Pass p = pass(rowEnds[ends.length - 1]);
        p.forward(data, idx, from);
        p.lossGradient(rowEnds);
        Kernel.runAll(p.sharedBackward());
        int rowFrom = 0;
        for (int i = 0; i < ends.length; i++) {
            losses[i] = p.meanLoss(rowFrom, rowEnds[i]);
            Kernel.runAll(p.partBackwardCached(gradientViews(gradOuts[i]), rowFrom, rowEnds[i]));
            rowFrom = rowEnds[i];
        }
    }

    private INDArray[] gradientViews(INDArray gradOut) {
        INDArray[] g = gradientViews.get(gradOut);
        if (g == null) {
            if (gradOut.length() != numParams() || gradOut.dataType() != dtype || !gradOut.isVector()) {
                throw new IllegalArgumentException("gradient target must be a flat " + dtype + " vector of " + numParams());
            }
            g = views(gradOut);
            gradientViews.put(gradOut, g);
        }
        return g;
    }

    /** Mean loss over samples {@code idx[from..to)}, without touching the gradient. */
    public final double loss(Dataset data, int[] idx, int from, int to) {
        Pass p = pass(to - from);
        p.forward(data, idx, from);
        return p.meanLoss(0, to - from);
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
            p.forward(data, idx, from);
            lossSum += p.meanLoss(0, to - from) * (to - from);
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
     * backward pass: the deltas over the whole batch, then per part of the batch what writes a gradient target
     * ({@link #partBackwardKernels}). The logits come back to Java once per pass (batch × 10 values): the
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
        /** softmax probabilities of the last forward pass (kept so the loss gradient needs no second exp). */
        private final double[] probs;
        private Kernel[] forward;
        private Kernel[] sharedBackward;
        /** Backward kernels per gradient target and row range (their outputs are views into the target). */
        private final Map<PartKey, Kernel[]> backward = new HashMap<>();

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
            this.probs = new double[batch * Dataset.CLASSES];
        }

        /** The kernels that take {@link #input} to {@link #logits}, keeping what backward needs; called once. */
        protected abstract Kernel[] forwardKernels();

        /**
         * The kernels that take {@link #dLogits} = ∂loss/∂logits back through the layers over the whole batch, as
         * far as no sum over samples is needed; called once.
         */
        protected abstract Kernel[] sharedBackwardKernels();

        /**
         * The kernels that write the gradient tensors {@code g} from rows [rowFrom, rowTo) of the batch, after
         * {@link #sharedBackwardKernels}: the weight gradients, and whatever else must run on the part alone;
         * called once per target and row range.
         */
        protected abstract Kernel[] partBackwardKernels(INDArray[] g, int rowFrom, int rowTo);

        private Kernel[] sharedBackward() {
            if (sharedBackward == null) {
                sharedBackward = sharedBackwardKernels();
            }
            return sharedBackward;
        }

        private Kernel[] partBackwardCached(INDArray[] g, int rowFrom, int rowTo) {
            return backward.computeIfAbsent(new PartKey(g, rowFrom, rowTo), k -> partBackwardKernels(g, rowFrom, rowTo));
        }

        /** Rows [from, to) of a batch-major array, as a view. */
        protected final INDArray rows(INDArray x, int from, int to) {
            INDArrayIndex[] at = new INDArrayIndex[x.rank()];
            at[0] = NDArrayIndex.interval(from, to);
            for (int d = 1; d < at.length; d++) {
                at[d] = NDArrayIndex.all();
            }
            return x.get(at);
        }

        /** Runs the forward pass over samples idx[from..from + batch) and leaves their log-probabilities in head. */
        void forward(Dataset data, int[] idx, int from) {
            load(data, idx, from);
            if (forward == null) {
                forward = forwardKernels();
            }
            Kernel.runAll(forward);
            download(logits, head);
            logSoftmaxRows();
        }

        /** Mean loss of rows [rowFrom, rowTo) of the last forward pass. */
        double meanLoss(int rowFrom, int rowTo) {
            double sum = 0;
            for (int i = rowFrom; i < rowTo; i++) {
                sum -= head[i * Dataset.CLASSES + labels[i]];
            }
            return sum / (rowTo - rowFrom);
        }

        /**
         * head ← log-softmax of each row of head and probs ← softmax, shifted by the row's maximum so exp cannot
         * overflow.
         */
        private void logSoftmaxRows() {
            for (int i = 0; i < batch; i++) {
                int row = i * Dataset.CLASSES;
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < Dataset.CLASSES; c++) {
                    max = Math.max(max, head[row + c]);
                }
                double sum = 0;
                for (int c = 0; c < Dataset.CLASSES; c++) {
                    probs[row + c] = Math.exp(head[row + c] - max);
                    sum += probs[row + c];
                }
                double logSum = max + Math.log(sum);
                for (int c = 0; c < Dataset.CLASSES; c++) {
                    head[row + c] -= logSum;
                    probs[row + c] /= sum;
                }
            }
        }

        /**
         * dLogits ← (softmax − onehot)/(its part's size) from the last forward pass, for parts of the batch ending
         * at {@code rowEnds}: each part's rows then backpropagate to that part's mean gradient.
         */
        void lossGradient(int[] rowEnds) {
            int rowFrom = 0;
            for (int rowTo : rowEnds) {
                int size = rowTo - rowFrom;
                for (int i = rowFrom; i < rowTo; i++) {
                    for (int c = 0; c < Dataset.CLASSES; c++) {
                        int at = i * Dataset.CLASSES + c;
                        head[at] = (probs[at] - (c == labels[i] ? 1 : 0)) / size;
                    }
                }
                rowFrom = rowTo;
            }
            upload(head, dLogits);
        }

        private void load(Dataset data, int[] idx, int from) {
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

    /** A gradient target's views and a row range: the key of a part's backward kernels. Arrays compare by identity. */
    private record PartKey(INDArray[] g, int rowFrom, int rowTo) {
    }
}
