package org.sqnbench.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.sqnbench.data.Dataset;
import org.sqnbench.study.NativeBuild;

/**
 * The fp32 gradient that training uses (oneDNN's convolutions and pooling on the default build) against the fp64
 * gradient that {@link NetworkGradientTest} checks by finite differences, at the same parameters and batch,
 * tensor by tensor. oneDNN has no fp64 kernels, so the two go through different native code.
 */
class Fp32GradientTest {
    /** Measured: at most 4e-7 per tensor on the MLP and 1.7e-6 on the CNN; fp32's unit roundoff is 6e-8. */
    private static final double TOLERANCE = 1e-5;

    @BeforeAll
    static void backend() {
        Backend.init(2);
    }

    @ParameterizedTest
    @EnumSource(NetworkKind.class)
    void fp32GradientAgreesWithFp64PerTensor(NetworkKind kind) {
        assertEquals(NativeBuild.DEFAULT_EXTENSION, System.getProperty(NativeBuild.PROPERTY),
                "the check is meant for the build training uses");
        Network single = kind.create(DataType.FLOAT, 13);
        Network dbl = kind.create(DataType.DOUBLE, 13);
        // the same parameter values in both: fp32's, widened exactly to fp64
        dbl.params().assign(single.params().castTo(DataType.DOUBLE));
        boolean mlp = kind == NetworkKind.MLP;
        Dataset data = mlp ? NetworkGradientTest.randomData(64, 1, 28, 21) : NetworkGradientTest.randomData(16, 3, 32, 21);
        int[] idx = new int[data.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = idx.length - 1 - i;
        }
        double loss32 = single.lossAndGradient(data, idx, 0, idx.length);
        double loss64 = dbl.lossAndGradient(data, idx, 0, idx.length);
        assertEquals(loss64, loss32, 1e-5 * Math.abs(loss64));
        long[] offsets = mlp ? new long[]{0, 100_352, 100_480, 108_672, 108_736, 109_376, 109_386}
                : new long[]{0, 450, 456, 2_856, 2_872, 4_098_872, 4_099_872, 4_109_872, 4_109_882};
        INDArray g32 = single.gradient().castTo(DataType.DOUBLE);
        INDArray g64 = dbl.gradient();
        StringBuilder errors = new StringBuilder();
        for (int t = 0; t + 1 < offsets.length; t++) {
            INDArray a = g32.get(NDArrayIndex.interval(offsets[t], offsets[t + 1]));
            INDArray b = g64.get(NDArrayIndex.interval(offsets[t], offsets[t + 1]));
            double norm = b.norm2Number().doubleValue();
            assertTrue(norm > 0, "tensor " + t + " has a zero fp64 gradient: nothing would be compared");
            double rel = a.sub(b).norm2Number().doubleValue() / norm;
            errors.append(String.format(" %.1e", rel));
            assertTrue(rel < TOLERANCE, kind + " tensor " + t + ": relative difference " + rel);
        }
        System.out.println(kind + " fp32 vs fp64 relative gradient difference per tensor:" + errors);
    }
}
