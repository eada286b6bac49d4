package org.sqnbench.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * {@link Kernel#matmul} on both of its paths (cblas below {@link Kernel#SMALL_PRODUCT} multiply-adds, ND4J's op
 * above), with transposes, β and row views, against products written out by hand.
 */
class KernelMatmulTest {
    private static INDArray of(DataType t, double[][] x) {
        return Nd4j.createFromArray(x).castTo(t);
    }

    @ParameterizedTest
    @CsvSource({"FLOAT", "DOUBLE"})
    void smallProductsWithTransposesAndBeta(DataType t) {
        INDArray a = of(t, new double[][]{{1, 2}, {3, 4}, {5, 6}});           // 3×2
        INDArray b = of(t, new double[][]{{1, 0, 2}, {0, 1, 3}});             // 2×3
        INDArray c = of(t, new double[][]{{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
        Kernel.matmul(a, false, b, false, c, 2.0).run();                   // a·b + 2c
        assertArrayEquals(new double[]{3, 4, 10, 5, 6, 20, 7, 8, 30}, c.reshape(9).toDoubleVector(), 1e-6);
        INDArray d = Nd4j.create(t, 2, 2);
        Kernel.matmul(a, true, a, false, d, 0.0).run();                    // aᵀa
        assertArrayEquals(new double[]{35, 44, 44, 56}, d.reshape(4).toDoubleVector(), 1e-6);
        INDArray e = Nd4j.create(t, 3, 3);
        Kernel.matmul(a, false, a, true, e, 0.0).run();                    // a·aᵀ
        assertArrayEquals(new double[]{5, 11, 17, 11, 25, 39, 17, 39, 61}, e.reshape(9).toDoubleVector(), 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"FLOAT", "DOUBLE"})
    void rowViewsAndARowOfOnesAsInTheBiasProducts(DataType t) {
        INDArray ones = Nd4j.ones(t, 1, 4);
        INDArray delta = of(t, new double[][]{{1, 2}, {3, 4}, {5, 6}, {7, 8}});
        INDArray sums = Nd4j.create(t, 1, 2);
        // column sums of rows 1..2 only: a view of the ones row and a row block of delta
        Kernel.matmul(ones.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)), false,
                delta.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()), false, sums, 0.0).run();
        assertArrayEquals(new double[]{8, 10}, sums.reshape(2).toDoubleVector(), 1e-6);
        // the rank-1 bias product 1ᵀb: every row is b
        INDArray out = Nd4j.create(t, 4, 2);
        Kernel.matmul(ones, true, of(t, new double[][]{{0.5, -1}}), false, out, 0.0).run();
        assertArrayEquals(new double[]{0.5, -1, 0.5, -1, 0.5, -1, 0.5, -1}, out.reshape(8).toDoubleVector(), 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"FLOAT", "DOUBLE"})
    void aLargeProductTakesTheOtherPathAndAgrees(DataType t) {
        // 64×64×64 = 262,144 multiply-adds: above the threshold; every entry of I·B is B's
        assertTrue(64L * 64 * 64 >= Kernel.SMALL_PRODUCT);
        INDArray eye = Nd4j.eye(64).castTo(t);
        INDArray b = Nd4j.linspace(t, 1, 4096, 4096).reshape('c', 64, 64);
        INDArray c = Nd4j.create(t, 64, 64);
        Kernel.matmul(eye, false, b, true, c, 0.0).run();
        assertArrayEquals(b.transpose().dup('c').reshape(4096).toDoubleVector(), c.reshape(4096).toDoubleVector(), 1e-3);
    }
}
