package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.study.Method;

/** Each of the study's methods builds the optimizer of that name with its defaults; other names are refused. */
class OptimizerNamesTest {
    @Test
    void everyMethodBuildsTheOptimizerOfItsName() {
        for (Method m : Method.values()) {
            Optimizer o = Optimizers.create(m.cliName(), NetworkKind.MLP, 10, DataType.FLOAT,
                    Optimizers.Settings.DEFAULT);
            assertEquals(m.cliName(), o.name());
        }
    }

    @Test
    void defaultStepsAreTheSweepsChoices() {
        // README, "Default hyperparameters": SGD 0.1 / 0.05, Momentum 0.01, Adam 1e-3, SGD-BB η_0 0.1 / 0.05,
        // MB-LBFGS 0.5 / 0.3 (MLP / CNN)
        assertEquals(0.1, Optimizers.defaultLearningRate("sgd", NetworkKind.MLP));
        assertEquals(0.05, Optimizers.defaultLearningRate("sgd-bb", NetworkKind.CNN));
        assertEquals(0.01, Optimizers.defaultLearningRate("momentum", NetworkKind.CNN));
        assertEquals(1e-3, Optimizers.defaultLearningRate("adam", NetworkKind.MLP));
        assertEquals(0.5, Optimizers.defaultLearningRate("mb-lbfgs", NetworkKind.MLP));
        assertEquals(0.3, Optimizers.defaultLearningRate("mb-lbfgs", NetworkKind.CNN));
    }

    @Test
    void curvatureEpsilonIsGivenOrTheRulesDefault() {
        Optimizers.Settings d = Optimizers.Settings.DEFAULT;
        assertEquals(MbLbfgs.CurvatureRule.SKIP_NORM, d.curvature());
        // skip-norm: η/η_SGD, e.g. 0.3/0.05 = 6 on the CNN
        assertEquals(6.0, Optimizers.curvatureEpsilon(d, 6.0));
        Optimizers.Settings damp = new Optimizers.Settings(0, 10, 0.25, d.overlapGradient(), d.form(), false,
                MbLbfgs.CurvatureRule.DAMP, 0, d.bbSmoothing(), 0);
        assertEquals(0.2, Optimizers.curvatureEpsilon(damp, 6.0));
        Optimizers.Settings given = new Optimizers.Settings(0, 10, 0.25, d.overlapGradient(), d.form(), false,
                MbLbfgs.CurvatureRule.SKIP_NORM, 1.5, d.bbSmoothing(), 0);
        assertEquals(1.5, Optimizers.curvatureEpsilon(given, 6.0));
        MbLbfgs built = (MbLbfgs) Optimizers.create("mb-lbfgs", NetworkKind.CNN, 10, DataType.FLOAT, d);
        assertEquals(0.3 / 0.05, built.curvatureEpsilon, 1e-12);
    }

    @Test
    void anUnknownNameIsRefusedNotBuiltAsMbLbfgs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.create("lbfgs",
                NetworkKind.MLP, 10, DataType.FLOAT, Optimizers.Settings.DEFAULT));
        assertTrue(e.getMessage().contains("unknown optimizer 'lbfgs'"), e.getMessage());
    }
}
