package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.nn.NativeVectors;

/**
 * Momentum's and SGD-BB's one-pass float loops: against their rules written out element by element in float here
 * (same operations, same order, so the same bits) over a range with scalar tails at both ends, and, through the
 * optimizers, against the library calls that DOUBLE vectors still take.
 */
class FirstOrderVectorLoopsTest {
    private static final int N = 1000;
    private static final int FROM = 3;
    private static final int TO = 997;

    private static float[] random(SplittableRandom rnd, double scale) {
        float[] x = new float[N];
        for (int i = 0; i < N; i++) {
            x[i] = (float) rnd.nextDouble(-scale, scale);
        }
        return x;
    }

    private static void assertSameBits(float[] expected, INDArray got, String what) {
        float[] values = got.toFloatVector();
        for (int i = 0; i < N; i++) {
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(values[i]), what + " element " + i);
        }
    }

    @Test
    void momentumLoopHasTheScalarRulesBits() {
        SplittableRandom rnd = new SplittableRandom(3);
        float[] g = random(rnd, 1);
        float[] v = random(rnd, 0.1);
        float[] theta = random(rnd, 1);
        INDArray gv = Nd4j.createFromArray(g.clone());
        INDArray vv = Nd4j.createFromArray(v.clone());
        INDArray tv = Nd4j.createFromArray(theta.clone());
        float beta = 0.9f;
        float c = -0.05f;
        FirstOrderVectorLoops.momentum(NativeVectors.floatBytes(gv), NativeVectors.floatBytes(vv),
                NativeVectors.floatBytes(tv), FROM, TO, beta, c);
        for (int i = FROM; i < TO; i++) {
            v[i] = beta * v[i] + c * g[i];
            theta[i] += v[i];
        }
        assertSameBits(g, gv, "g");
        assertSameBits(v, vv, "v");
        assertSameBits(theta, tv, "theta");
    }

    @Test
    void sgdBbLoopHasTheScalarRulesBits() {
        SplittableRandom rnd = new SplittableRandom(4);
        float[] g = random(rnd, 1);
        float[] smoothed = random(rnd, 0.1);
        float[] theta = random(rnd, 1);
        INDArray gv = Nd4j.createFromArray(g.clone());
        INDArray sv = Nd4j.createFromArray(smoothed.clone());
        INDArray tv = Nd4j.createFromArray(theta.clone());
        float c = -0.02f;
        float k = 0.875f;
        float b = 0.125f;
        ByteBuffer sb = NativeVectors.floatBytes(sv);
        FirstOrderVectorLoops.sgdBb(NativeVectors.floatBytes(gv), sb, NativeVectors.floatBytes(tv), FROM, TO, c, k, b);
        for (int i = FROM; i < TO; i++) {
            smoothed[i] = k * smoothed[i] + b * g[i];
            theta[i] += c * g[i];
        }
        assertSameBits(g, gv, "g");
        assertSameBits(smoothed, sv, "smoothed");
        assertSameBits(theta, tv, "theta");
    }

    /** The optimizers' FLOAT path (the loops) against their DOUBLE path (library calls) over a few steps. */
    @Test
    void floatUpdatesFollowTheDoubleLibraryPath() {
        SplittableRandom rnd = new SplittableRandom(9);
        double[][] gradients = new double[12][N];
        for (double[] g : gradients) {
            for (int i = 0; i < N; i++) {
                g[i] = rnd.nextDouble(-1, 1);
            }
        }
        for (String method : new String[]{"momentum", "sgd-bb"}) {
            INDArray thetaF = Nd4j.create(DataType.FLOAT, N);
            INDArray thetaD = Nd4j.create(DataType.DOUBLE, N);
            FirstOrderOptimizer f = method.equals("momentum") ? new Momentum(N, DataType.FLOAT, 0.1, 0.9)
                    : new SgdBb(N, DataType.FLOAT, 0.1, 0.5, SgdBb.Smoothing.NONE, Double.POSITIVE_INFINITY);
            FirstOrderOptimizer d = method.equals("momentum") ? new Momentum(N, DataType.DOUBLE, 0.1, 0.9)
                    : new SgdBb(N, DataType.DOUBLE, 0.1, 0.5, SgdBb.Smoothing.NONE, Double.POSITIVE_INFINITY);
            for (int k = 0; k < gradients.length; k++) {
                f.update(thetaF, Nd4j.createFromArray(gradients[k]).castTo(DataType.FLOAT));
                d.update(thetaD, Nd4j.createFromArray(gradients[k]));
                if (k % 4 == 3) {
                    f.endEpoch();
                    d.endEpoch();
                }
            }
            assertArrayEquals(thetaD.toDoubleVector(), thetaF.toDoubleVector(), 1e-5, method);
            if (f instanceof SgdBb bbF) {
                assertEquals(((SgdBb) d).learningRate(), bbF.learningRate(), 1e-5 * bbF.learningRate());
            }
        }
    }
}
