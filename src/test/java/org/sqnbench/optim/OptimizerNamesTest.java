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
        // MB-LBFGS 0.5 / 0.7 (MLP / CNN)
        assertEquals(0.1, Optimizers.defaultLearningRate("sgd", NetworkKind.MLP));
        assertEquals(0.05, Optimizers.defaultLearningRate("sgd-bb", NetworkKind.CNN));
        assertEquals(0.01, Optimizers.defaultLearningRate("momentum", NetworkKind.CNN));
        assertEquals(1e-3, Optimizers.defaultLearningRate("adam", NetworkKind.MLP));
        assertEquals(0.5, Optimizers.defaultLearningRate("mb-lbfgs", NetworkKind.MLP));
        assertEquals(0.7, Optimizers.defaultLearningRate("mb-lbfgs", NetworkKind.CNN));
    }

    @Test
    void anUnknownNameIsRefusedNotBuiltAsMbLbfgs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.create("lbfgs",
                NetworkKind.MLP, 10, DataType.FLOAT, Optimizers.Settings.DEFAULT));
        assertTrue(e.getMessage().contains("unknown optimizer 'lbfgs'"), e.getMessage());
    }
}
