package org.sqnbench.report.charts;

import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart ready to save.
 *
 * @param file    base file name without extension, e.g. "epoch-time-mlp"
 * @param caption one line for report.md
 */
public record ChartSpec(String file, String caption, Chart<?, ?> chart) {
}
