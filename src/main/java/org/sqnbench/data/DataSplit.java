package org.sqnbench.data;

/**
 * A training and a test set, with a short description for results ("embedded MNIST subset", "synthetic CIFAR-10
 * shaped", a directory) and whether the data are synthetic, which every result built on them must say.
 */
public record DataSplit(Dataset train, Dataset test, String description, boolean synthetic) {
}
