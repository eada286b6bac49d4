/**
 * One epoch of training (plan, gradients, optimizer steps, epoch statistics, divergence) and the step-size sweep
 * behind the default hyperparameters. Depends on {@code data}, {@code nn}, {@code optim}; not on JMH.
 */
package org.sqnbench.train;
