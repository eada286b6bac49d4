package org.sqnbench.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.data.Dataset;

/** Backpropagation against central finite differences in double precision, on every parameter tensor. */
class NetworkGradientTest {
    private static final double EPS = 1e-6;

    @BeforeAll
    static void backend() {
        Backend.init(2);
    }

    static Dataset randomData(int n, int channels, int side, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] x = new float[n * channels * side * side];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rnd.nextDouble();
        }
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            y[i] = (byte) rnd.nextInt(10);
        }
        return new Dataset("random", channels, side, side, x, y);
    }

    @Test
    void parameterCountsMatchTheDesign() {
        assertEquals(109_386L, new Mlp(DataType.FLOAT, 1).numParams());
        assertEquals(109_386L, NetworkKind.MLP.params());
        assertEquals(4_109_882L, new Cnn(DataType.FLOAT, 1).numParams());
        assertEquals(4_109_882L, NetworkKind.CNN.params());
    }

    @Test
    void mlpGradientMatchesFiniteDifferences() {
        Network net = new Mlp(DataType.DOUBLE, 7);
        // tensor boundaries of the flat vector: W1, b1, W2, b2, W3, b3
        long[] offsets = {0, 100_352, 100_480, 108_672, 108_736, 109_376, 109_386};
        check(net, randomData(5, 1, 28, 3), offsets, 12);
    }

    @Test
    void cnnGradientMatchesFiniteDifferences() {
        Network net = new Cnn(DataType.DOUBLE, 11);
        // conv1 W, b; conv2 W, b; fc1 W, b; fc2 W, b
        long[] offsets = {0, 450, 456, 2_856, 2_872, 4_098_872, 4_099_872, 4_109_872, 4_109_882};
        check(net, randomData(3, 3, 32, 5), offsets, 6);
    }

    /** Compares {@code perTensor} random coordinates of every tensor (and its first and last) with differences. */
    private static void check(Network net, Dataset data, long[] offsets, int perTensor) {
        int[] idx = {2, 0, 1};
        int b = idx.length;
        net.lossAndGradient(data, idx, 0, b);
        INDArray analytic = net.gradient().dup();
        INDArray theta = net.params();
        SplittableRandom rnd = new SplittableRandom(99);
        double maxRel = 0;
        for (int t = 0; t + 1 < offsets.length; t++) {
            for (int k = 0; k < perTensor + 2; k++) {
                long i = k == 0 ? offsets[t] : k == 1 ? offsets[t + 1] - 1 : rnd.nextLong(offsets[t], offsets[t + 1]);
                double original = theta.getDouble(i);
                theta.putScalar(i, original + EPS);
                double plus = net.loss(data, idx, 0, b);
                theta.putScalar(i, original - EPS);
                double minus = net.loss(data, idx, 0, b);
                theta.putScalar(i, original);
                double numeric = (plus - minus) / (2 * EPS);
                double a = analytic.getDouble(i);
                double rel = Math.abs(a - numeric) / Math.max(1e-7, Math.abs(a) + Math.abs(numeric));
                assertTrue(rel < 1e-4, "tensor " + t + " index " + i + ": backprop " + a + " vs finite difference " + numeric);
                maxRel = Math.max(maxRel, rel);
            }
        }
        // the check must have seen real gradients, not zeros everywhere
        assertTrue(analytic.norm2Number().doubleValue() > 1e-3);
    }

    @Test
    void initialisationIsUniformWithinPyTorchBound() {
        Network net = new Mlp(DataType.FLOAT, 42);
        INDArray w1 = net.params().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 100_352));
        double bound = 1 / Math.sqrt(784);
        assertTrue(w1.amaxNumber().doubleValue() <= bound);
        // a uniform(-a, a) sample has standard deviation a/sqrt(3)
        assertEquals(bound / Math.sqrt(3), w1.stdNumber().doubleValue(), 0.01 * bound);
        Network same = new Mlp(DataType.FLOAT, 42);
        assertEquals(net.params(), same.params());
    }

    @Test
    void gradientIntoAnotherVectorEqualsTheOwnGradient() {
        Network net = new Mlp(DataType.FLOAT, 3);
        Dataset data = randomData(8, 1, 28, 1);
        int[] idx = {0, 1, 2, 3, 4, 5, 6, 7};
        double loss = net.lossAndGradient(data, idx, 0, 8);
        INDArray other = Nd4j.create(DataType.FLOAT, net.numParams());
        assertEquals(loss, net.lossAndGradient(data, idx, 0, 8, other), 1e-6);
        assertEquals(net.gradient(), other);
    }

    /**
     * The parts of one batch in one pass give each part's own mean loss and gradient: the same as a separate pass
     * over that part alone (another batch size, so other buffers), for parts that start mid-batch.
     */
    @Test
    void partGradientsEqualSeparatePassesOverEachPart() {
        for (Network net : new Network[]{new Mlp(DataType.DOUBLE, 4), new Cnn(DataType.DOUBLE, 6)}) {
            boolean cnn = net instanceof Cnn;
            Dataset data = cnn ? randomData(12, 3, 32, 2) : randomData(12, 1, 28, 2);
            int[] idx = {11, 2, 7, 0, 5, 9, 1, 10, 3, 8, 6, 4};
            int[] ends = {4, 9, 12};
            INDArray[] parts = new INDArray[3];
            for (int i = 0; i < 3; i++) {
                parts[i] = Nd4j.create(DataType.DOUBLE, net.numParams());
            }
            double[] losses = new double[3];
            net.lossAndPartGradients(data, idx, 1, ends, parts, losses);
            int from = 1;
            for (int i = 0; i < 3; i++) {
                INDArray alone = Nd4j.create(DataType.DOUBLE, net.numParams());
                double loss = net.lossAndGradient(data, idx, from, ends[i], alone);
                assertEquals(loss, losses[i], 1e-12, net.getClass().getSimpleName() + " part " + i + " loss");
                double scale = alone.norm2Number().doubleValue();
                assertTrue(scale > 1e-3);
                assertEquals(0, parts[i].sub(alone).norm2Number().doubleValue(), 1e-12 * scale,
                        net.getClass().getSimpleName() + " part " + i + " gradient");
                from = ends[i];
            }
        }
    }

    @Test
    void untrainedLossIsNearLogTen() {
        Network net = new Mlp(DataType.FLOAT, 5);
        // small random weights give near-uniform class probabilities: loss close to ln 10
        assertEquals(Math.log(10), net.evaluate(randomData(1200, 1, 28, 9)).loss(), 0.3);
    }

    /**
     * With every weight zero the logits are the output bias for every sample. A bias of ln 9 on one class c and 0
     * elsewhere gives p(c) = 9/18 = 0.5 and 1/18 for each other class, so every sample is classified as c: accuracy
     * is the share of labels c, and the loss (n_c·ln 2 + (n − n_c)·ln 18)/n.
     */
    @Test
    void evaluationCountsTheSamplesClassifiedRight() {
        byte[] labels = {3, 3, 3, 0, 1, 2, 4, 5, 6, 7};
        Dataset data = new Dataset("known", 1, 28, 28, new float[labels.length * 784], labels);
        Network net = new Mlp(DataType.FLOAT, 5);
        long outputBias = net.numParams() - 10;
        for (int c : new int[] {3, 7}) {
            net.params().assign(0);
            net.params().putScalar(outputBias + c, Math.log(9));
            Evaluation e = net.evaluate(data);
            int right = c == 3 ? 3 : 1;
            assertEquals(right / 10.0, e.accuracy(), 1e-12, "class " + c);
            assertEquals((right * Math.log(2) + (10 - right) * Math.log(18)) / 10, e.loss(), 1e-5, "class " + c);
        }
    }
}
