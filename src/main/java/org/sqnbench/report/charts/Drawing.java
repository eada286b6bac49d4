package org.sqnbench.report.charts;

import java.util.List;
import java.util.Optional;

/**
 * What drawing one chart gave: the chart, or nothing when the results hold nothing to draw, and notes on what was
 * drawn differently from what a reader would expect (e.g. a series with nothing to draw).
 */
public record Drawing(Optional<ChartSpec> chart, List<String> notes) {
    public Drawing {
        notes = List.copyOf(notes);
    }

    static Drawing of(ChartSpec chart, List<String> notes) {
        return new Drawing(Optional.of(chart), notes);
    }

    static Drawing none(List<String> notes) {
        return new Drawing(Optional.empty(), notes);
    }

    static Drawing none() {
        return none(List.of());
    }
}
