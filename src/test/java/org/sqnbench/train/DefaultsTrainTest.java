package org.sqnbench.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.sqnbench.data.DataSplit;
import org.sqnbench.data.MnistReader;
import org.sqnbench.data.SyntheticCifar;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.Network;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.optim.Optimizers;

/**
 * The default hyperparameters train: every method reaches 0.90 test accuracy within 15 epochs on the embedded MNIST
 * subset at batch 64, and every method learns the synthetic CIFAR-shaped set (at least twice chance within 5 epochs
 * of 3,000 images, on 1 thread).
 */
class DefaultsTrainTest {
    @BeforeAll
    static void backend() {
        Backend.init(1);
    }

    static double trainedAccuracy(NetworkKind kind, DataSplit data, String optimizer, int epochs) {
        Network net = kind.create(DataType.FLOAT, 1);
        var opt = Optimizers.create(optimizer, kind, net.numParams(), DataType.FLOAT, Optimizers.Settings.DEFAULT);
        Trainer t = new Trainer(net, data, opt, 64, 1);
        double best = 0;
        for (int e = 0; e < epochs; e++) {
            t.epoch();
            best = Math.max(best, t.evaluate().accuracy());
        }
        return best;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "adam", "sgd-bb", "mb-lbfgs"})
    void mlpReachesNinetyPercentOnTheEmbeddedSubset(String optimizer) {
        double accuracy = trainedAccuracy(NetworkKind.MLP, MnistReader.embedded(), optimizer, 15);
        assertTrue(accuracy >= 0.90, optimizer + " reached only " + accuracy);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "adam", "sgd-bb", "mb-lbfgs"})
    void cnnLearnsTheSyntheticSet(String optimizer) {
        DataSplit data = SyntheticCifar.generate(3_000, 1_000, SyntheticCifar.SEED);
        double accuracy = trainedAccuracy(NetworkKind.CNN, data, optimizer, 5);
        assertTrue(accuracy >= 0.2, optimizer + " reached only " + accuracy + " (chance is 0.1)");
    }
}
