/**
 * The report's numbers: statistics (commons-math3), the verdict on MB-LBFGS's cost, the four conclusions, the
 * update cost and the cost model of the kernels. Numbers only: the words are {@code report.text}'s. Depends on
 * {@code report.results}, {@code study} and {@code data} (the number of classes, for chance accuracy).
 */
package org.sqnbench.report.analysis;
