package org.sqnbench.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The first convolution's weight and bias gradients, in one piece and in chunks, against the sums written out. */
class FirstConvWeightGradientsTest {
    private static final int BATCH = 9;
    private static final int IN = 3;
    private static final int OUT = 4;
    private static final int SIDE = 8;
    private static final int K = 5;
    private static final int PAD = 2;

    @BeforeAll
    static void backend() {
        Backend.init(2);
    }

    private static INDArray random(SplittableRandom rnd, long... shape) {
        INDArray a = Nd4j.create(DataType.DOUBLE, shape);
        for (long i = 0; i < a.length(); i++) {
            a.putScalar(i, rnd.nextDouble(-1, 1));
        }
        return a;
    }

    /** Rows 1..8 of 9, in chunks of 64 (one chunk), 3 (two whole and a remainder of 1) and 1 row. */
    @Test
    void chunkedConvolutionAddsUpToTheExplicitSums() {
        SplittableRandom rnd = new SplittableRandom(3);
        INDArray x = random(rnd, BATCH, IN, SIDE, SIDE);
        INDArray activation = random(rnd, BATCH, OUT, SIDE, SIDE);
        INDArray gradOut = random(rnd, BATCH, OUT, SIDE, SIDE);
        int from = 1;
        int to = BATCH - 1;
        double[] w = new double[OUT * IN * K * K];
        double[] b = new double[OUT];
        for (int n = from; n < to; n++) {
            for (int o = 0; o < OUT; o++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int xx = 0; xx < SIDE; xx++) {
                        if (!(activation.getDouble(n, o, y, xx) > 0)) {
                            continue;
                        }
                        double delta = gradOut.getDouble(n, o, y, xx);
                        b[o] += delta;
                        for (int i = 0; i < IN; i++) {
                            for (int kh = 0; kh < K; kh++) {
                                for (int kw = 0; kw < K; kw++) {
                                    int sy = y + kh - PAD;
                                    int sx = xx + kw - PAD;
                                    if (sy >= 0 && sy < SIDE && sx >= 0 && sx < SIDE) {
                                        w[((o * IN + i) * K + kh) * K + kw] += delta * x.getDouble(n, i, sy, sx);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for (int chunk : new int[]{64, 3, 1}) {
            INDArray gradW = Nd4j.create(DataType.DOUBLE, OUT, IN, K, K);
            INDArray gradB = Nd4j.create(DataType.DOUBLE, OUT);
            Kernel k = Kernel.firstConvWeightGradients(x, activation, gradOut, from, to, gradW, gradB, PAD, chunk);
            // twice: a chunk's sums must not carry over into the next call
            k.run();
            k.run();
            for (int j = 0; j < w.length; j++) {
                assertEquals(w[j], gradW.getDouble(j), 1e-10, "chunk " + chunk + ", weight " + j);
            }
            for (int o = 0; o < OUT; o++) {
                assertEquals(b[o], gradB.getDouble(o), 1e-10, "chunk " + chunk + ", bias " + o);
            }
        }
        assertTrue(java.util.Arrays.stream(w).map(Math::abs).max().orElse(0) > 0.1);
    }
}
