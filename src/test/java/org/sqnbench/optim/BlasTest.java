package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.sqnbench.nn.Backend;

/** Each vector call on both of its paths (OpenBLAS on one thread, ND4J's ops on two), against hand values. */
class BlasTest {
    private static final double TOL = 1e-6;

    @AfterAll
    static void oneThreadAgain() {
        Backend.init(1);
    }

    private static INDArray vec(double... v) {
        return Nd4j.createFromArray(v).castTo(DataType.FLOAT);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void axpyScalAndDot(int threads) {
        Backend.init(threads);
        INDArray x = vec(1, -2, 3);
        INDArray y = vec(0.5, 4, -1);
        Blas.axpy(2, x, y);
        assertArrayEquals(new double[]{2.5, 0, 5}, y.toDoubleVector(), TOL);
        Blas.scal(-0.5, y);
        assertArrayEquals(new double[]{-1.25, 0, -2.5}, y.toDoubleVector(), TOL);
        // 1·(−1.25) + (−2)·0 + 3·(−2.5)
        assertEquals(-8.75, Blas.dot(x, y), TOL);
    }

    /** The one-pass forms write a third vector, row views of one matrix included, and leave their inputs alone. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void scaledAndDifferenceIntoAnotherVector(int threads) {
        Backend.init(threads);
        INDArray m = Nd4j.createFromArray(new float[][]{{1, -2, 3}, {0.5f, 4, -1}, {9, 9, 9}});
        INDArray x = m.getRow(0);
        INDArray y = m.getRow(1);
        INDArray out = m.getRow(2);
        Blas.difference(x, y, out);
        assertArrayEquals(new double[]{0.5, -6, 4}, out.toDoubleVector(), TOL);
        Blas.scaled(-1.5, x, out);
        assertArrayEquals(new double[]{-1.5, 3, -4.5}, out.toDoubleVector(), TOL);
        assertArrayEquals(new double[]{1, -2, 3}, x.toDoubleVector(), 0);
        assertArrayEquals(new double[]{0.5, 4, -1}, y.toDoubleVector(), 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void gemvOnARowBlockAndOnRowViews(int threads) {
        Backend.init(threads);
        // rows 0–1 of a 3×3 matrix, as the L-BFGS pair matrix's blocks are; x and y are rows of another matrix
        INDArray full = Nd4j.createFromArray(new float[][]{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
        INDArray block = full.get(NDArrayIndex.interval(0, 2), NDArrayIndex.all());
        INDArray rows = Nd4j.createFromArray(new float[][]{{9, 9, 9}, {1, 0, -1}, {2, -1, 0}});
        INDArray x = rows.getRow(1);
        INDArray two = Nd4j.create(DataType.FLOAT, 2);
        Blas.gemv(false, block, x, two);
        // [1 2 3; 4 5 6]·[1 0 −1] = [−2, −2]
        assertArrayEquals(new double[]{-2, -2}, two.toDoubleVector(), TOL);
        INDArray out = rows.getRow(0);
        Blas.gemv(true, 0.5, block, vec(2, -1), out);
        // 0.5·[1 2 3; 4 5 6]ᵀ·[2 −1] = 0.5·[−2, −1, 0]
        assertArrayEquals(new double[]{-1, -0.5, 0}, out.toDoubleVector(), TOL);
        assertArrayEquals(new double[]{2, -1, 0}, rows.getRow(2).toDoubleVector(), TOL);
    }
}
