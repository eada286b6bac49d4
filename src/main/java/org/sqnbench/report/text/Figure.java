package org.sqnbench.report.text;

/**
 * A chart as report.md links it: its base file name ({@code ChartId} gives it) and its one-line caption.
 */
public record Figure(String file, String caption) {
}
