/**
 * The {@code check} command CI runs: per-epoch and kernel times of two result files compared after dividing by each
 * file's calibration kernel. Depends on {@code report.results}, {@code report.text} and {@code study}.
 */
package org.sqnbench.check;
