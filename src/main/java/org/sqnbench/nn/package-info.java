/**
 * The two networks over one flat fp32 parameter vector: forward and backward passes written into a flat gradient,
 * each native op bound once ({@link org.sqnbench.nn.Kernel}), and the choice of ND4J build and threads. Depends on
 * ND4J, {@code data} and {@code study}; knows nothing of optimizers or JMH.
 */
package org.sqnbench.nn;
