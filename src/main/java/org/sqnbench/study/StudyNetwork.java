package org.sqnbench.study;

import java.util.Arrays;
import java.util.Optional;

/**
 * The study's two networks as facts: command-line name, parameter count n, FLOPs per training sample (2 × the
 * multiply-adds of forward, weight gradients and input gradients) and the data set the source study trained it on.
 * The ND4J implementations ({@code org.sqnbench.nn.NetworkKind}) take their counts from here; tests check that the
 * built networks have them. The order is the report's.
 */
public enum StudyNetwork {
    /** MNIST MLP 784 → 128 → 64 → 10. */
    MLP(Names.MLP, 109_386L, 454_400L, "MNIST"),
    /** CIFAR-10 CNN: two 5×5 convolutions with pooling, FC 4096 → 1000 → 10. */
    CNN(Names.CNN, 4_109_882L, 30_165_600L, "CIFAR-10");

    /** The command-line names as constants, for {@code @Param} (which takes constants only). */
    public static final class Names {
        public static final String MLP = "mlp";
        public static final String CNN = "cnn";

        private Names() {
        }
    }

    private final String cliName;
    private final long params;
    private final long flopsPerSample;
    private final String sourceDataset;

    StudyNetwork(String cliName, long params, long flopsPerSample, String sourceDataset) {
        this.cliName = cliName;
        this.params = params;
        this.flopsPerSample = flopsPerSample;
        this.sourceDataset = sourceDataset;
    }

    public String cliName() {
        return cliName;
    }

    /** Parameter count n: the length of the flat parameter vector. */
    public long params() {
        return params;
    }

    public long flopsPerSample() {
        return flopsPerSample;
    }

    /** The source study's data set for this network: "MNIST" or "CIFAR-10". */
    public String sourceDataset() {
        return sourceDataset;
    }

    public static Optional<StudyNetwork> find(String name) {
        return Arrays.stream(values()).filter(n -> n.cliName.equals(name)).findFirst();
    }
}
