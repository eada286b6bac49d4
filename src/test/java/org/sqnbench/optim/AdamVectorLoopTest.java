package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.nn.NativeVectors;

/**
 * Adam's two float passes, the vector-API one and the chunked one that runs without the module, each against the
 * rule written out element by element in float here: the same
 * operations in the same order, so the same bits, over a range whose start and end are not multiples of any
 * vector width (vector part and scalar tails both run; elements outside the range stay untouched).
 */
class AdamVectorLoopTest {
    @Test
    void theTestsRunWithTheVectorApi() {
        // otherwise Adam's tests would only check the chunked fallback
        assertTrue(NativeVectors.VECTOR_API, "surefire must start the JVM with --add-modules jdk.incubator.vector");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void sameBitsAsTheScalarRule(boolean vectorApi) {
        int n = 1000;
        int from = 3;
        int to = 997;
        SplittableRandom rnd = new SplittableRandom(5);
        float[][] start = new float[4][n];
        for (int i = 0; i < n; i++) {
            start[0][i] = (float) rnd.nextDouble(-1, 1);
            start[1][i] = (float) rnd.nextDouble(-0.1, 0.1);
            start[2][i] = (float) rnd.nextDouble(0, 0.01);
            start[3][i] = (float) rnd.nextDouble(-1, 1);
        }
        INDArray[] arrays = new INDArray[4];
        for (int k = 0; k < 4; k++) {
            arrays[k] = Nd4j.createFromArray(start[k].clone());
        }
        float b1 = 0.9f;
        float c1 = 0.1f;
        float b2 = 0.999f;
        float c2 = 0.001f;
        float a = 0.0123f;
        float e = 3e-8f;
        if (vectorApi) {
            ByteBuffer[] b = new ByteBuffer[4];
            for (int k = 0; k < 4; k++) {
                b[k] = NativeVectors.floatBytes(arrays[k]);
            }
            AdamVectorLoop.run(b[0], b[1], b[2], b[3], from, to, b1, c1, b2, c2, a, e);
        } else {
            FloatBuffer[] b = new FloatBuffer[4];
            for (int k = 0; k < 4; k++) {
                b[k] = NativeVectors.floats(arrays[k]);
            }
            Adam.chunks(b[0], b[1], b[2], b[3], from, to, b1, c1, b2, c2, a, e);
        }

        float[] g = start[0];
        float[] m = start[1].clone();
        float[] v = start[2].clone();
        float[] theta = start[3].clone();
        for (int i = from; i < to; i++) {
            m[i] = b1 * m[i] + c1 * g[i];
            v[i] = b2 * v[i] + c2 * g[i] * g[i];
            theta[i] -= a * m[i] / ((float) Math.sqrt(v[i]) + e);
        }
        float[][] expected = {g, m, v, theta};
        for (int k = 0; k < 4; k++) {
            float[] got = arrays[k].toFloatVector();
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(expected[k][i]), Float.floatToIntBits(got[i]),
                        "vector " + k + " element " + i + ": " + expected[k][i] + " vs " + got[i]);
            }
        }
    }
}
