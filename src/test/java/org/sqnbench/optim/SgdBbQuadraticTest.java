package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.nn.Backend;

/** SGD-BB on f(θ) = ½θᵀAθ − bᵀθ with A = diag(1, 4, 9): each epoch's step against η = ‖s‖²/|sᵀy| by hand. */
class SgdBbQuadraticTest {
    private static final double[] A = {1, 4, 9};
    private static final double[] B = {1, 1, 1};
    private static final int T = 4;

    @BeforeAll
    static void backend() {
        Backend.init(1);
    }

    @Test
    void stepEqualsTheBarzilaiBorweinFormula() {
        // β = 1: the smoothed gradient is the last gradient used, so y is known exactly
        SgdBb bb = new SgdBb(3, DataType.DOUBLE, 0.05, 1.0, 10);
        INDArray theta = Nd4j.create(DataType.DOUBLE, 3);
        double[] prevEnd = null;
        double[] prevLastGradient = null;
        for (int epoch = 0; epoch < 5; epoch++) {
            double eta = bb.learningRate();
            double[] lastGradient = null;
            for (int t = 0; t < T; t++) {
                double[] x = theta.toDoubleVector();
                lastGradient = new double[3];
                for (int i = 0; i < 3; i++) {
                    lastGradient[i] = A[i] * x[i] - B[i];
                }
                double[] before = x.clone();
                bb.update(theta, Nd4j.createFromArray(lastGradient));
                for (int i = 0; i < 3; i++) {
                    assertEquals(before[i] - eta * lastGradient[i], theta.getDouble(i), 1e-12);
                }
            }
            bb.endEpoch();
            double[] end = theta.toDoubleVector();
            if (prevEnd != null) {
                double ss = 0;
                double sy = 0;
                for (int i = 0; i < 3; i++) {
                    double s = (end[i] - prevEnd[i]) / T;
                    double y = lastGradient[i] - prevLastGradient[i];
                    ss += s * s;
                    sy += s * y;
                }
                assertEquals(ss / Math.abs(sy), bb.learningRate(), 1e-12 * bb.learningRate(), "after epoch " + epoch);
            } else {
                assertEquals(0.05, bb.learningRate(), 0.0, "η0 holds until two epochs have ended");
            }
            prevEnd = end;
            prevLastGradient = lastGradient;
        }
    }
}
