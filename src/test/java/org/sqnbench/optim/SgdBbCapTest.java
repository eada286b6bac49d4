package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SGD-BB's cap on its step, on one coordinate worked by hand, with the raw BB step (no smoothing). β = 1 makes the
 * gradient average the last gradient, and one step per epoch makes T = 1. From θ = 1 at η_0 = 0.1: epoch 0 steps with g = 1 to θ = 0.9; epoch 1 with
 * g = 0.9 to θ = 0.81. Then s = 0.81 − 0.9 = −0.09, y = 0.9 − 1 = −0.1, and the BB step is
 * s²/|sy| = 0.0081/0.009 = 0.9.
 */
class SgdBbCapTest {
    private static final double TOLERANCE = 1e-6;

    /** Runs the two epochs above and returns the optimizer and θ. */
    private static SgdBb twoEpochs(double cap, INDArray theta) {
        SgdBb bb = new SgdBb(1, DataType.FLOAT, 0.1, 1.0, SgdBb.Smoothing.NONE, cap);
        bb.update(theta, Nd4j.scalar(DataType.FLOAT, 1f).reshape(1));
        bb.endEpoch();
        bb.update(theta, Nd4j.scalar(DataType.FLOAT, 0.9f).reshape(1));
        bb.endEpoch();
        return bb;
    }

    @Test
    void aCapBelowTheBbStepBindsAndTheNextEpochStepsWithIt() {
        INDArray theta = Nd4j.ones(DataType.FLOAT, 1);
        SgdBb bb = twoEpochs(0.3, theta);
        assertEquals(0.81, theta.getDouble(0), TOLERANCE);
        assertEquals(0.3, bb.learningRate(), TOLERANCE);
        // epoch 2 steps with the capped 0.3: 0.81 − 0.3 · 1 = 0.51
        bb.update(theta, Nd4j.ones(DataType.FLOAT, 1));
        assertEquals(0.51, theta.getDouble(0), TOLERANCE);
    }

    @Test
    void aCapAboveTheBbStepLeavesIt() {
        INDArray theta = Nd4j.ones(DataType.FLOAT, 1);
        SgdBb bb = twoEpochs(2.0, theta);
        assertEquals(0.9, bb.learningRate(), TOLERANCE);
    }

    @Test
    void theCapIsTheStudysMeasuredStableStep() {
        // README, "SGD-BB: what is Tan et al.'s and what is ours": 0.3 on the MLP, SGD's own 0.05 on the CNN
        assertEquals(0.3, Optimizers.bbMaxStep(org.sqnbench.nn.NetworkKind.MLP));
        assertEquals(0.05, Optimizers.bbMaxStep(org.sqnbench.nn.NetworkKind.CNN));
    }
}
