package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.data.MinibatchPlan;
import org.sqnbench.nn.Backend;

/** SGD-BB on f(θ) = ½θᵀAθ − bᵀθ with A = diag(1, 4, 9): each epoch's step against the formulas by hand. */
class SgdBbQuadraticTest {
    private static final double[] A = {1, 4, 9};
    private static final double[] B = {1, 1, 1};
    private static final int T = 4;

    @BeforeAll
    static void backend() {
        Backend.init(1);
    }

    /** The smoothed steps c_k/k for estimates η_2, η_3, … from the closed form c_k = (Π_{j=2..k} j·η_j)^{1/(k−1)}. */
    static List<Double> smoothedByGeometricMean(List<Double> estimates) {
        List<Double> steps = new ArrayList<>();
        double logProduct = 0;
        for (int i = 0; i < estimates.size(); i++) {
            int k = i + 2;
            logProduct += Math.log(k * estimates.get(i));
            steps.add(Math.exp(logProduct / (k - 1)) / k);
        }
        return steps;
    }

    @Test
    void smoothingOfAHandWorkedSequence() {
        // η_2 = 0.1: c_2 = 2·0.1, step 0.1. η_3 = 0.4: c_3 = √(0.2·1.2), step √0.24/3. η_4 = 0.05: c_4 = (0.2·1.2·0.2)^{1/3}
        double[] estimates = {0.1, 0.4, 0.05};
        double[] expected = {0.1, Math.sqrt(0.24) / 3, Math.cbrt(0.048) / 4};
        double c = 1;
        for (int i = 0; i < 3; i++) {
            int k = i + 2;
            c = SgdBb.smoothedScale(c, estimates[i], k);
            assertEquals(expected[i], c / k, 1e-15, "epoch " + k);
        }
        List<Double> closedForm = smoothedByGeometricMean(List.of(0.1, 0.4, 0.05));
        for (int i = 0; i < 3; i++) {
            assertEquals(expected[i], closedForm.get(i), 1e-15);
        }
    }

    @ParameterizedTest
    @EnumSource(SgdBb.Smoothing.class)
    void stepsFollowTheBarzilaiBorweinEstimates(SgdBb.Smoothing smoothing) {
        // β = 1: the gradient average is the last gradient used, so y is known exactly
        SgdBb bb = new SgdBb(3, DataType.DOUBLE, 0.05, 1.0, smoothing, Double.POSITIVE_INFINITY);
        INDArray theta = Nd4j.create(DataType.DOUBLE, 3);
        double[] prevEnd = null;
        double[] prevLastGradient = null;
        List<Double> estimates = new ArrayList<>();
        for (int epoch = 0; epoch < 6; epoch++) {
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
                estimates.add(ss / Math.abs(sy));
                double expected = smoothing == SgdBb.Smoothing.NONE ? ss / Math.abs(sy)
                        : smoothedByGeometricMean(estimates).get(estimates.size() - 1);
                assertEquals(expected, bb.learningRate(), 1e-12 * expected, "after epoch " + epoch);
            } else {
                assertEquals(0.05, bb.learningRate(), 0.0, "η0 holds until two epochs have ended");
            }
            prevEnd = end;
            prevLastGradient = lastGradient;
        }
    }

    @Test
    void smoothedMethodReachesTheOptimumWithDefaults() {
        // the optimum A⁻¹b = (1, 1/4, 1/9); default β = 10/T, deterministic gradients
        Quadratic q = new Quadratic(new double[][]{{1, 0, 0}, {0, 4, 0}, {0, 0, 9}}, B, new double[3]);
        SgdBb bb = new SgdBb(3, DataType.DOUBLE, 0.05, 0, SgdBb.Smoothing.K, Double.POSITIVE_INFINITY);
        for (int epoch = 0; epoch < 40; epoch++) {
            MinibatchPlan plan = bb.plan(64, 4, epoch);
            for (int k = 0; k < plan.iterations(); k++) {
                bb.step(q, plan, k);
            }
            bb.endEpoch();
        }
        double[] x = q.theta.toDoubleVector();
        double error = Math.abs(x[0] - 1) + Math.abs(x[1] - 0.25) + Math.abs(x[2] - 1.0 / 9);
        assertTrue(error < 1e-8, "distance to the optimum " + error + " at " + java.util.Arrays.toString(x));
    }
}
