package org.sqnbench.data;

/**
 * A training and a test set, with a short description for results ("embedded MNIST subset", "synthetic CIFAR-10
 * shaped", a directory) and whether the data are synthetic, which every result built on them must say.
 */
public record DataSplit(Dataset train, Dataset test, String description, boolean synthetic) {
    /** The same split training on the first {@code n} samples only (0 or at least the size: all of them). */
    public DataSplit withTrainSize(int n) {
        return new DataSplit(train.head(n), test, description, synthetic);
    }
}
