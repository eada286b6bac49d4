package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.NativeVectors;

/**
 * The Java-loop updates on FLOAT vectors long enough to span many chunks, a ragged last chunk and (past
 * {@link NativeVectors#PARALLEL_MIN}) two threads' ranges, against the textbook rules evaluated in double here.
 */
class FusedUpdateTest {
    @AfterAll
    static void oneThreadAgain() {
        Backend.init(1);
    }

    private static double[] random(SplittableRandom rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        return x;
    }

    private static INDArray floats(double[] x) {
        return Nd4j.createFromArray(x).castTo(DataType.FLOAT);
    }

    @ParameterizedTest
    @CsvSource({"1, 3089", "2, 3089", "2, 1050001"})
    void adamMatchesTheTextbookRule(int threads, int n) {
        Backend.init(threads);
        SplittableRandom rnd = new SplittableRandom(7);
        double[] theta = random(rnd, n);
        double[] m = new double[n];
        double[] v = new double[n];
        INDArray thetaF = floats(theta);
        double eta = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-3;
        Adam adam = new Adam(n, DataType.FLOAT, eta, b1, b2, eps);
        for (int t = 1; t <= 3; t++) {
            double[] g = random(rnd, n);
            adam.update(thetaF, floats(g));
            for (int i = 0; i < n; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                theta[i] -= eta * mHat / (Math.sqrt(vHat) + eps);
            }
        }
        float[] got = thetaF.toFloatVector();
        for (int i = 0; i < n; i++) {
            assertEquals(theta[i], got[i], 1e-6, "element " + i);
        }
    }
}
