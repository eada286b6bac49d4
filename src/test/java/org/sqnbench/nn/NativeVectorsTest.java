package org.sqnbench.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.EnumSource.Mode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The networks' Java element-wise kernels against values written out by hand, in both precisions. */
class NativeVectorsTest {
    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"}, mode = Mode.INCLUDE)
    void reluBackwardKeepsTheDeltaOnlyWhereTheActivationIsPositive(DataType type) {
        // 0 and −0 are not positive; one more element than a chunk leaves a ragged last chunk
        int n = NativeVectors.CHUNK + 1;
        double[] act = new double[n];
        double[] delta = new double[n];
        double[] expected = new double[n];
        double[] pattern = {2.5, 0.0, -0.0, -1.0, 1e-30, Float.MIN_VALUE};
        for (int i = 0; i < n; i++) {
            act[i] = pattern[i % pattern.length];
            delta[i] = i + 1;
            expected[i] = act[i] > 0 ? delta[i] : 0;
        }
        INDArray a = Nd4j.createFromArray(act).castTo(type);
        INDArray d = Nd4j.createFromArray(delta).castTo(type);
        Kernel.reluBackward(a, d).run();
        assertArrayEquals(expected, d.toDoubleVector());
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"}, mode = Mode.INCLUDE)
    void reluBackwardTransposedReadsTheDeltaTransposed(DataType type) {
        // activation and out are [2 rows, 3 columns]; deltaT is [3, 2]
        INDArray a = Nd4j.createFromArray(new double[][]{{1, 0, 3}, {-2, 5, 6}}).castTo(type);
        INDArray dt = Nd4j.createFromArray(new double[][]{{10, 40}, {20, 50}, {30, 60}}).castTo(type);
        INDArray out = Nd4j.create(type, 2, 3);
        Kernel.reluBackwardTransposed(a, dt, out).run();
        assertArrayEquals(new double[]{10, 0, 30, 0, 50, 60}, out.reshape(6).toDoubleVector());
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"}, mode = Mode.INCLUDE)
    void aRowViewIsReadFromItsOwnOffset(DataType type) {
        INDArray a = Nd4j.createFromArray(new double[][]{{1, 1}, {1, 0}, {0, 1}}).castTo(type);
        INDArray d = Nd4j.createFromArray(new double[][]{{1, 2}, {3, 4}, {5, 6}}).castTo(type);
        Kernel.reluBackward(a.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()),
                d.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all())).run();
        assertArrayEquals(new double[]{1, 2, 3, 0, 0, 6}, d.reshape(6).toDoubleVector());
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT"}, mode = Mode.INCLUDE)
    void aColumnViewIsRefused(DataType type) {
        INDArray a = Nd4j.create(type, 4, 4);
        assertThrows(IllegalArgumentException.class,
                () -> Kernel.reluBackward(a.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2)),
                        Nd4j.create(type, 4, 2)));
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"}, mode = Mode.INCLUDE)
    void swapLeadingAxesOfARowRangeMaskedWithChannelSums(DataType type) {
        // src [3 rows, 2 channels, plane 2]; rows 1..3 swapped into [2 channels, 2 rows, plane 2]
        INDArray src = Nd4j.createFromArray(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}).castTo(type)
                .reshape('c', 3, 2, 2);
        INDArray act = Nd4j.createFromArray(new double[]{1, 1, 1, 1, 1, 0, 1, 1, -1, 1, 0, 1}).castTo(type)
                .reshape('c', 3, 2, 2);
        INDArray plain = Nd4j.create(type, 2, 2, 2);
        NativeVectors.swapLeadingAxes(src, null, 1, 3, plain, null).run();
        assertArrayEquals(new double[]{5, 6, 9, 10, 7, 8, 11, 12}, plain.reshape(8).toDoubleVector());
        INDArray masked = Nd4j.create(type, 2, 2, 2);
        INDArray sums = Nd4j.create(type, 2);
        NativeVectors.swapLeadingAxes(src, act, 1, 3, masked, sums).run();
        assertArrayEquals(new double[]{5, 0, 0, 10, 7, 8, 0, 12}, masked.reshape(8).toDoubleVector());
        assertArrayEquals(new double[]{15, 27}, sums.toDoubleVector());
    }
}
