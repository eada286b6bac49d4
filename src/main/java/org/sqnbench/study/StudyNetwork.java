package org.sqnbench.study;

import java.util.Arrays;
import java.util.Optional;

/**
 * The study's two networks as facts: command-line name, parameter count n, FLOPs per training sample, the data set the
 * source study trained it on and the thread count a {@code threads} parameter of 0 stands for. The ND4J
 * implementations ({@code org.sqnbench.nn.NetworkKind}) take their counts from here; tests check that the built
 * networks have them. The order is the report's.
 *
 * <p>FLOPs per sample are 2 × the multiply-adds of the weight layers' forward pass, their weight gradients and the
 * input gradients backpropagation needs: every layer's but the first, whose input is data. Only weights count:
 * biases (an add forward, a sum for their gradient), ReLU, max-pooling and the softmax loss grow with the
 * activations, not the weights, and are left out: the counts below are exactly these products, and adding any bias
 * FLOP would make them come out otherwise. With them a gradient's time gives its GFLOP/s against the calibration
 * sgemm's.
 */
public enum StudyNetwork {
    /**
     * MNIST MLP 784 → 128 → 64 → 10: 109,184 multiply-adds forward, as many for the weight gradients and
     * 128·64 + 64·10 = 8,832 for the input gradients, so 2 × 227,200 = 454,400 FLOPs a sample. One thread by
     * default (the measured best).
     */
    MLP(Names.MLP, 109_386L, 454_400L, "MNIST", 1),
    /**
     * CIFAR-10 CNN: conv 3→6 5×5 pad 2 on 32×32, ReLU, max-pool 2, conv 6→16 5×5 pad 2 on 16×16, flatten 4096,
     * FC 4096 → 1000 → 10. Forward 460,800 + 614,400 + 4,096,000 + 10,000 = 5,181,200 multiply-adds, as many for the
     * weight gradients, 4,720,400 for the input gradients (conv1's is not needed): 2 × 15,082,800 = 30,165,600 FLOPs
     * a sample. Two threads by default (the measured best).
     */
    CNN(Names.CNN, 4_109_882L, 30_165_600L, "CIFAR-10", 2);

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
    private final int defaultThreads;

    StudyNetwork(String cliName, long params, long flopsPerSample, String sourceDataset, int defaultThreads) {
        this.cliName = cliName;
        this.params = params;
        this.flopsPerSample = flopsPerSample;
        this.sourceDataset = sourceDataset;
        this.defaultThreads = defaultThreads;
    }

    public String cliName() {
        return cliName;
    }

    /** Parameter count n: the length of the flat parameter vector. */
    public long params() {
        return params;
    }

    /** FLOPs of one sample's gradient (forward and backward), weights only; see the class comment. */
    public long flopsPerSample() {
        return flopsPerSample;
    }

    /**
     * The thread count the benchmarks run this network with for a {@code threads} parameter: itself when positive,
     * 0 standing for the measured best (MLP 1, CNN 2). The benchmarks and the report both resolve it here.
     */
    public int threads(int requested) {
        return requested > 0 ? requested : defaultThreads;
    }

    /** The source study's data set for this network: "MNIST" or "CIFAR-10". */
    public String sourceDataset() {
        return sourceDataset;
    }

    public static Optional<StudyNetwork> find(String name) {
        return Arrays.stream(values()).filter(n -> n.cliName.equals(name)).findFirst();
    }
}
