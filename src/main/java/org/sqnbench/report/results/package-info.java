/**
 * Reading results: JMH JSON files into results, pooled across files; the settings optimizers are compared under;
 * the epoch benchmarks' runs and series, with the series operations (mean over seeds until divergence). Depends on
 * Gson, {@code study} and {@code data}'s naming rules; not on ND4J.
 */
package org.sqnbench.report.results;
