/**
 * Training and test data: the MNIST IDX and CIFAR-10 binary readers, the embedded MNIST subset, synthetic
 * CIFAR-shaped images, and the minibatch plans (shuffled; overlapping for MB-LBFGS). Depends on the JDK only, so
 * that the report can ask it what a data parameter means without loading ND4J.
 */
package org.sqnbench.data;
