package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.nn.Backend;

/**
 * Both forms of the L-BFGS product against the explicit BFGS inverse-Hessian matrix built pair by pair:
 * H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ from H_0 = γI, over the last m pairs.
 */
class InverseHessianTest {
    private static final int N = 20;
    private static final int M = 5;

    @BeforeAll
    static void backend() {
        Backend.init(1);
    }

    /** Random pairs with y = B s for a random SPD B, so sᵀy &gt; 0. */
    static double[][][] pairs(int count, long seed) {
        Random rnd = new Random(seed);
        RealMatrix q = MatrixUtils.createRealMatrix(N, N);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                q.setEntry(i, j, rnd.nextGaussian());
            }
        }
        RealMatrix b = q.transpose().multiply(q).add(MatrixUtils.createRealIdentityMatrix(N));
        double[][][] p = new double[count][2][];
        for (int k = 0; k < count; k++) {
            double[] s = new double[N];
            for (int i = 0; i < N; i++) {
                s[i] = rnd.nextGaussian();
            }
            p[k][0] = s;
            p[k][1] = b.operate(s);
        }
        return p;
    }

    static RealMatrix explicitBfgs(double[][][] pairs) {
        int from = Math.max(0, pairs.length - M);
        RealVector sNew = MatrixUtils.createRealVector(pairs[pairs.length - 1][0]);
        RealVector yNew = MatrixUtils.createRealVector(pairs[pairs.length - 1][1]);
        double gamma = sNew.dotProduct(yNew) / yNew.dotProduct(yNew);
        RealMatrix h = MatrixUtils.createRealIdentityMatrix(N).scalarMultiply(gamma);
        RealMatrix identity = MatrixUtils.createRealIdentityMatrix(N);
        for (int k = from; k < pairs.length; k++) {
            RealVector s = MatrixUtils.createRealVector(pairs[k][0]);
            RealVector y = MatrixUtils.createRealVector(pairs[k][1]);
            double rho = 1 / s.dotProduct(y);
            RealMatrix left = identity.subtract(s.outerProduct(y).scalarMultiply(rho));
            RealMatrix right = identity.subtract(y.outerProduct(s).scalarMultiply(rho));
            h = left.multiply(h).multiply(right).add(s.outerProduct(s).scalarMultiply(rho));
        }
        return h;
    }

    static InverseHessian filled(InverseHessian.Form form, double[][][] pairs) {
        InverseHessian h = new InverseHessian(M, N, DataType.DOUBLE, form);
        for (double[][] p : pairs) {
            h.add(Nd4j.createFromArray(p[0]), Nd4j.createFromArray(p[1]));
        }
        return h;
    }

    /** 3 pairs (memory not full), 5 (exactly full) and 8 (ring buffer wrapped). */
    @ParameterizedTest
    @ValueSource(ints = {3, 5, 8})
    void bothFormsEqualTheExplicitMatrix(int count) {
        double[][][] pairs = pairs(count, 17 + count);
        RealMatrix h = explicitBfgs(pairs);
        Random rnd = new Random(5);
        double[] g = new double[N];
        for (int i = 0; i < N; i++) {
            g[i] = rnd.nextGaussian();
        }
        double[] expected = h.operate(g);
        INDArray gv = Nd4j.createFromArray(g);
        INDArray twoLoop = Nd4j.create(DataType.DOUBLE, N);
        INDArray compact = Nd4j.create(DataType.DOUBLE, N);
        filled(InverseHessian.Form.TWO_LOOP, pairs).apply(gv, twoLoop);
        filled(InverseHessian.Form.COMPACT, pairs).apply(gv, compact);
        double scale = new Array2DRowRealMatrix(new double[][]{expected}).getFrobeniusNorm();
        assertArrayEquals(expected, twoLoop.toDoubleVector(), 1e-9 * scale);
        assertArrayEquals(expected, compact.toDoubleVector(), 1e-9 * scale);
        assertArrayEquals(twoLoop.toDoubleVector(), compact.toDoubleVector(), 1e-9 * scale);
        assertArrayEquals(g, gv.toDoubleVector(), 0.0, "the input vector is left alone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TWO_LOOP", "COMPACT"})
    void withoutPairsItIsTheIdentity(String form) {
        InverseHessian h = new InverseHessian(M, N, DataType.DOUBLE, InverseHessian.Form.valueOf(form));
        INDArray g = Nd4j.linspace(DataType.DOUBLE, 1, N, 1);
        INDArray out = Nd4j.create(DataType.DOUBLE, N);
        h.apply(g, out);
        assertEquals(g, out);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TWO_LOOP", "COMPACT"})
    void newestPairSatisfiesTheSecantEquation(String form) {
        double[][][] pairs = pairs(7, 3);
        InverseHessian h = filled(InverseHessian.Form.valueOf(form), pairs);
        INDArray out = Nd4j.create(DataType.DOUBLE, N);
        h.apply(Nd4j.createFromArray(pairs[6][1]), out);
        // BFGS maps the newest y to its s exactly: H y = s
        assertArrayEquals(pairs[6][0], out.toDoubleVector(), 1e-9);
    }

    /** The scaled product (how MB-LBFGS gets its step −ηHg) against the explicit matrix, with and without pairs. */
    @ParameterizedTest
    @ValueSource(strings = {"TWO_LOOP", "COMPACT"})
    void scaledProductIsTheScaledMatrixProduct(String form) {
        for (int count : new int[]{0, 6}) {
            double[][][] pairs = pairs(count, 11);
            double[] g = pairs(1, 99)[0][0];
            double[] expected = count == 0 ? g : explicitBfgs(pairs).operate(g);
            INDArray out = Nd4j.create(DataType.DOUBLE, N);
            filled(InverseHessian.Form.valueOf(form), pairs).apply(Nd4j.createFromArray(g), out, -0.3);
            for (int i = 0; i < N; i++) {
                assertEquals(-0.3 * expected[i], out.getDouble(i), 1e-9, count + " pairs, element " + i);
            }
        }
    }

    /**
     * In MB-LBFGS's order, a product after every pair (the other tests add all pairs first), against the explicit
     * matrix of the pairs so far, through the ring buffer's wrap.
     */
    @ParameterizedTest
    @ValueSource(strings = {"TWO_LOOP", "COMPACT"})
    void aProductAfterEveryPairEqualsTheExplicitMatrix(String form) {
        double[][][] pairs = pairs(8, 23);
        double[] g = pairs(1, 7)[0][0];
        InverseHessian h = new InverseHessian(M, N, DataType.DOUBLE, InverseHessian.Form.valueOf(form));
        INDArray out = Nd4j.create(DataType.DOUBLE, N);
        for (int k = 0; k < pairs.length; k++) {
            h.add(Nd4j.createFromArray(pairs[k][0]), Nd4j.createFromArray(pairs[k][1]));
            h.apply(Nd4j.createFromArray(g), out);
            double[] expected = explicitBfgs(Arrays.copyOf(pairs, k + 1)).operate(g);
            double scale = new Array2DRowRealMatrix(new double[][]{expected}).getFrobeniusNorm();
            assertArrayEquals(expected, out.toDoubleVector(), 1e-9 * scale, (k + 1) + " pairs");
        }
    }

    /**
     * In FLOAT, as training runs it (the other tests run in DOUBLE): a scaled compact product after every pair,
     * through the wrap, against the explicit matrix to float rounding.
     */
    @Test
    void floatCompactProductsEqualTheExplicitMatrix() {
        double[][][] pairs = pairs(8, 29);
        double[] g = pairs(1, 11)[0][0];
        InverseHessian h = new InverseHessian(M, N, DataType.FLOAT, InverseHessian.Form.COMPACT);
        INDArray out = Nd4j.create(DataType.FLOAT, N);
        for (int k = 0; k < pairs.length; k++) {
            h.add(Nd4j.createFromArray(pairs[k][0]).castTo(DataType.FLOAT),
                    Nd4j.createFromArray(pairs[k][1]).castTo(DataType.FLOAT));
            h.apply(Nd4j.createFromArray(g).castTo(DataType.FLOAT), out, -0.5);
            double[] expected = explicitBfgs(Arrays.copyOf(pairs, k + 1)).operate(g);
            for (int i = 0; i < N; i++) {
                expected[i] *= -0.5;
            }
            double scale = new Array2DRowRealMatrix(new double[][]{expected}).getFrobeniusNorm();
            assertArrayEquals(expected, out.toDoubleVector(), 1e-4 * scale, (k + 1) + " pairs");
        }
    }
}
