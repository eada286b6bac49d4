/**
 * One small class per optimization method behind {@link org.sqnbench.optim.Optimizer}, state allocated once, and the
 * L-BFGS memory with its two-loop and compact products. Depends on ND4J, {@code data}, {@code nn} and {@code study};
 * knows nothing of training loops or JMH.
 */
package org.sqnbench.optim;
