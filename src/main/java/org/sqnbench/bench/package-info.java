/**
 * The JMH benchmarks: whole epochs (time and convergence), the hot kernels, the machine yardsticks, the standard
 * study that runs them all, and the check of {@code -p} parameters before any fork. Shared JMH settings live in the
 * base classes ({@link org.sqnbench.bench.KernelBenchmark}, {@link org.sqnbench.bench.TrainingRun}). May depend on
 * every package but {@code report} and {@code check}.
 */
package org.sqnbench.bench;
