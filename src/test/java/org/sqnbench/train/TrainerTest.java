package org.sqnbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sqnbench.data.DataSplit;
import org.sqnbench.data.MnistReader;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.optim.FirstOrderOptimizer;
import org.sqnbench.optim.Optimizers;

class TrainerTest {
    private static DataSplit small;

    @BeforeAll
    static void data() {
        Backend.init(1);
        DataSplit all = MnistReader.embedded();
        small = new DataSplit(all.train().head(1000), all.test().head(500), "first 1000/500 of the embedded subset", false);
    }

    static Trainer trainer(String optimizer, double eta, long seed) {
        var settings = Optimizers.Settings.DEFAULT.withLearningRate(eta);
        var net = NetworkKind.MLP.create(DataType.FLOAT, seed);
        var opt = Optimizers.create(optimizer, NetworkKind.MLP, net.numParams(), DataType.FLOAT, settings);
        return new Trainer(net, small, opt, 50, seed);
    }

    @Test
    void sameSeedGivesTheSameLossTrajectory() {
        for (String name : Optimizers.NAMES) {
            Trainer a = trainer(name, 0, 3);
            Trainer b = trainer(name, 0, 3);
            for (int e = 0; e < 2; e++) {
                assertEquals(a.epoch().trainLoss(), b.epoch().trainLoss(), 0.0, name + " epoch " + e);
            }
            assertEquals(a.network().params(), b.network().params(), name);
        }
    }

    @Test
    void epochCountsItsWork() {
        EpochResult sgd = trainer("sgd", 0, 1).epoch();
        assertEquals(1000 / 50, sgd.iterations());
        assertEquals(1000, sgd.sampleGradients());
        assertTrue(sgd.stepNanos() > 0);
        assertEquals(0, sgd.skippedPairs());
        // MB-LBFGS, overlap 0.25 of 50 → l = 13 (rounded), stride 37: (1000 − 13)/37 = 26 iterations of 50 samples
        EpochResult lbfgs = trainer("mb-lbfgs", 0, 1).epoch();
        assertEquals(26, lbfgs.iterations());
        assertEquals(26 * 50, lbfgs.sampleGradients());
    }

    @Test
    void trainingLowersTheLossAndEvaluationIsSeparate() {
        Trainer t = trainer("adam", 0, 2);
        double before = t.evaluate().loss();
        EpochResult first = t.epoch();
        EpochResult second = t.epoch();
        assertTrue(second.trainLoss() < first.trainLoss());
        var after = t.evaluate();
        assertTrue(after.loss() < before, before + " -> " + after.loss());
        assertTrue(after.accuracy() > 0.6, "accuracy " + after.accuracy());
        // evaluation does not move the parameters or the epoch count
        assertEquals(after, t.evaluate());
        assertEquals(2, t.epochsDone());
    }

    @Test
    void hugeStepDivergesWithAClearError() {
        Trainer t = trainer("sgd", 1e6, 4);
        DivergedException e = assertThrows(DivergedException.class, () -> {
            for (int i = 0; i < 3; i++) {
                t.epoch();
            }
        });
        assertTrue(e.getMessage().startsWith("diverged at epoch 0, iteration "), e.getMessage());
        assertTrue(e.iteration() > 0);
    }

    /** SGD that, at the end of the epoch given, writes NaN into θ: every loss of that epoch stays finite. */
    private static Trainer poisonedAtEndOf(int poisonedEpoch) {
        var net = NetworkKind.MLP.create(DataType.FLOAT, 5);
        FirstOrderOptimizer poisoning = new FirstOrderOptimizer(net.numParams(), DataType.FLOAT) {
            private INDArray theta;
            private int epochs;

            @Override
            public String name() {
                return "poisoning";
            }

            @Override
            public void update(INDArray theta, INDArray g) {
                this.theta = theta;
                theta.subi(g.mul(0.01));
            }

            @Override
            public void endEpoch() {
                if (epochs++ == poisonedEpoch) {
                    theta.putScalar(7, Double.NaN);
                }
            }
        };
        return new Trainer(net, small, poisoning, 50, 5);
    }

    @Test
    void aParameterLeftNonFiniteByTheEpochsEndIsDivergence() {
        Trainer t = poisonedAtEndOf(1);
        t.epoch();
        DivergedException e = assertThrows(DivergedException.class, t::epoch);
        // 1,000 samples in batches of 50: the epoch's last iteration is 19
        assertEquals("diverged at epoch 1, iteration 19 (non-finite parameter)", e.getMessage());
        assertEquals(1, e.epoch());
    }

    @Test
    void withoutThePoisonTheSameTrainingRunsOn() {
        Trainer t = poisonedAtEndOf(-1);
        for (int i = 0; i < 3; i++) {
            assertTrue(Double.isFinite(t.epoch().trainLoss()));
        }
    }
}
