package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.nn.Backend;

/** First steps of the first-order methods on tiny vectors, against values worked out by hand. */
class FirstOrderStepsTest {
    private static final double TOL = 1e-12;

    @BeforeAll
    static void backend() {
        Backend.init(1);
    }

    static INDArray vec(double... v) {
        return Nd4j.createFromArray(v);
    }

    @Test
    void sgdSubtractsTheScaledGradient() {
        INDArray theta = vec(1, 2);
        new Sgd(2, DataType.DOUBLE, 0.1).update(theta, vec(0.5, -1));
        assertArrayEquals(new double[]{0.95, 2.1}, theta.toDoubleVector(), TOL);
    }

    @Test
    void momentumFollowsTheHeavyBallRecurrence() {
        Momentum m = new Momentum(1, DataType.DOUBLE, 0.1, 0.9);
        INDArray theta = vec(1);
        m.update(theta, vec(1));
        // θ1 = θ0 − η g0 = 1 − 0.1
        assertEquals(0.9, theta.getDouble(0), TOL);
        m.update(theta, vec(2));
        // θ2 = θ1 − η g1 + β (θ1 − θ0) = 0.9 − 0.2 + 0.9·(−0.1) = 0.61
        assertEquals(0.61, theta.getDouble(0), TOL);
        m.update(theta, vec(0));
        // θ3 = θ2 + β (θ2 − θ1) = 0.61 + 0.9·(−0.29) = 0.349
        assertEquals(0.349, theta.getDouble(0), TOL);
    }

    @Test
    void adamFirstStepIsBiasCorrected() {
        // ε = 0.1 is large on purpose: it tells apart ε added to √v̂ (the rule) from ε added to √v
        Adam adam = new Adam(2, DataType.DOUBLE, 0.1, 0.9, 0.999, 0.1);
        INDArray theta = vec(1, -1);
        adam.update(theta, vec(0.5, -2));
        // m̂ = g and v̂ = g² after one step, so θ1 = θ0 − η g/(|g| + ε)
        assertArrayEquals(new double[]{1 - 0.1 * 0.5 / 0.6, -1 + 0.1 * 2 / 2.1}, theta.toDoubleVector(), 1e-9);
    }

    @Test
    void adamSecondStepMatchesTheTextbookRule() {
        Adam adam = new Adam(2, DataType.DOUBLE, 0.1, 0.9, 0.999, 0.1);
        INDArray theta = vec(1, -1);
        adam.update(theta, vec(0.5, -2));
        adam.update(theta, vec(1, 1));
        // by hand: m = 0.9·0.1·g1 + 0.1·g2, v = 0.999·0.001·g1² + 0.001·g2², then bias corrections with t = 2
        double[] g1 = {0.5, -2};
        double[] g2 = {1, 1};
        double[] expected = {1 - 0.1 * 0.5 / 0.6, -1 + 0.1 * 2 / 2.1};
        for (int i = 0; i < 2; i++) {
            double m = 0.9 * 0.1 * g1[i] + 0.1 * g2[i];
            double v = 0.999 * 0.001 * g1[i] * g1[i] + 0.001 * g2[i] * g2[i];
            double mHat = m / (1 - 0.9 * 0.9);
            double vHat = v / (1 - 0.999 * 0.999);
            expected[i] -= 0.1 * mHat / (Math.sqrt(vHat) + 0.1);
        }
        assertArrayEquals(expected, theta.toDoubleVector(), 1e-9);
    }

    @Test
    void sgdBbComputesItsStepFromSAndY() {
        SgdBb bb = new SgdBb(2, DataType.DOUBLE, 0.1, 0.5, SgdBb.Smoothing.NONE, Double.POSITIVE_INFINITY);
        INDArray theta = vec(0, 0);
        // epoch 0 at η0: θ = (−0.1, −0.1), ĝ = 0.5·(0.5, 0) + 0.5·(0, 1) = (0.25, 0.5)
        bb.update(theta, vec(1, 0));
        bb.update(theta, vec(0, 1));
        bb.endEpoch();
        assertEquals(0.1, bb.learningRate(), TOL);
        // epoch 1, still η0: θ = (−0.3, −0.3); ĝ carries over: 0.5·(2, 0) + 0.5·(0.25, 0.5) = (1.125, 0.25),
        // then 0.5·(0, 2) + 0.5·(1.125, 0.25) = (0.5625, 1.125)
        bb.update(theta, vec(2, 0));
        bb.update(theta, vec(0, 2));
        assertArrayEquals(new double[]{-0.3, -0.3}, theta.toDoubleVector(), TOL);
        bb.endEpoch();
        // s = (θ̃2 − θ̃1)/T = (−0.1, −0.1), y = (0.5625, 1.125) − (0.25, 0.5) = (0.3125, 0.625):
        // η = ‖s‖²/|sᵀy| = 0.02/0.09375
        assertEquals(0.02 / 0.09375, bb.learningRate(), 1e-12);
        // an epoch that does not move gives sᵀy = 0: the step is kept
        bb.update(theta, vec(0, 0));
        bb.endEpoch();
        assertEquals(0.02 / 0.09375, bb.learningRate(), 1e-12);
    }

    @Test
    void sgdBbCapBindsOnTheStep() {
        // the same two epochs as above with a cap of 0.2 below the estimate 0.2133
        SgdBb bb = new SgdBb(2, DataType.DOUBLE, 0.1, 0.5, SgdBb.Smoothing.NONE, 0.2);
        INDArray theta = vec(0, 0);
        bb.update(theta, vec(1, 0));
        bb.update(theta, vec(0, 1));
        bb.endEpoch();
        bb.update(theta, vec(2, 0));
        bb.update(theta, vec(0, 2));
        bb.endEpoch();
        assertEquals(0.2, bb.learningRate(), 0.0);
        bb.update(theta, vec(1, 1));
        assertArrayEquals(new double[]{-0.5, -0.5}, theta.toDoubleVector(), TOL);
    }

    @Test
    void sgdBbDefaultBetaIsTenOverTheEpochsIterations() {
        // β = 0 means 10/T: a plan of 40 iterations gives β = 0.25, so ĝ = 0.25·g after one step from ĝ = 0;
        // with T = 2 iterations 10/T is above 1 and β is 1
        SgdBb bb = new SgdBb(1, DataType.DOUBLE, 0.1, 0, SgdBb.Smoothing.NONE, Double.POSITIVE_INFINITY);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> bb.update(vec(0), vec(1)));
        assertEquals(40, bb.plan(40, 1, 0).iterations());
        INDArray theta = vec(0);
        bb.update(theta, vec(4));
        bb.endEpoch();
        // the next epoch's plan has T = 2: β = 1, so ĝ = the last gradient
        bb.plan(4, 2, 1);
        bb.update(theta, vec(2));
        bb.update(theta, vec(6));
        bb.endEpoch();
        // s = (θ̃2 − θ̃1)/T = (−0.1·8)/2 = −0.4, y = ĝ2 − ĝ1 = 6 − 1 = 5: η = 0.16/2 = 0.08
        assertEquals(0.16 / 2.0, bb.learningRate(), 1e-12);
    }
}
