package org.sqnbench.report.text;

import java.util.List;
import org.sqnbench.report.analysis.Statistics;
import org.sqnbench.report.analysis.UpdateCost;
import org.sqnbench.report.results.EpochRun;
import org.sqnbench.report.results.EpochSeries;
import org.sqnbench.study.Benchmarks;

/** Two of report.md's tables that stand on their own: the update cost against its traffic, and memory per epoch. */
final class Tables {
    private Tables() {
    }

    /** What each optimizer adds to SGD's step against its update's traffic ({@link UpdateCost}). */
    public static String updateCost(List<UpdateCost.Row> rows) {
        if (rows.isEmpty()) {
            return "No EpochTimeBenchmark results with SGD and a memory-bandwidth measurement.\n";
        }
        StringBuilder b = new StringBuilder("| setting | optimizer | ms per step | added to SGD's step, ms | ")
                .append("update traffic, MB | bound, ms (GB/s, threads) | added ÷ bound | ≤ ")
                .append(Format.ratio(UpdateCost.TARGET)).append("× |\n|---|---|---:|---:|---:|---:|---:|---|\n");
        for (UpdateCost.Row r : rows) {
            Statistics.MeanCi a = r.addedMs();
            b.append("| ").append(r.series().key().setting().shortName()).append(" | ").append(r.series().label())
                    .append(" | ").append(Format.sig(r.stepMs())).append(" | ").append(Format.sig(a.mean()))
                    .append(a.hasCi() ? " (" + Format.sig(a.lower()) + " – " + Format.sig(a.upper()) + ")" : "")
                    .append(" | ").append(Format.sig(r.bytes() / 1e6)).append(" | ").append(Format.sig(r.boundMs()))
                    .append(" (").append(Format.sig(r.bandwidth().gbPerSecond())).append(", ")
                    .append(r.bandwidth().threads()).append(") | ").append(Format.ratio(r.ratio())).append(" | ")
                    .append(r.met() ? "yes" : "no").append(" |\n");
        }
        return b.toString();
    }

    /** Resident-memory growth allowed over a run's measured epochs: the young generation EpochTime forks use. */
    public static final double FLAT_MB = Benchmarks.YOUNG_GENERATION_MB;

    /** The resident-memory table of the epoch series that carry readings. */
    public static String memory(List<EpochSeries> series) {
        List<EpochSeries> all = series.stream()
                .filter(e -> e.runs().stream().noneMatch(r -> Double.isNaN(r.residentGrowthMb()))).toList();
        if (all.isEmpty()) {
            return "No EpochTimeBenchmark results with resident-memory readings.\n";
        }
        StringBuilder b = new StringBuilder()
                .append("The process's resident memory after each measured epoch (EpochTimeBenchmark's residentMB). ")
                .append("Its forks run with a ").append(Format.sig(FLAT_MB)).append(" MB young generation, so ")
                .append("garbage can account for at most that much growth; \"flat\" means no fork grew more ")
                .append("from its first measured epoch to its last.\n\n")
                .append("| setting | optimizer | epochs per fork | resident after first epoch, MB | ")
                .append("largest growth to last epoch, MB | flat |\n|---|---|---:|---:|---:|---|\n");
        for (EpochSeries e : all) {
            double first = e.runs().stream().mapToDouble(r -> r.residentMb()[0]).max().orElse(Double.NaN);
            double growth = e.runs().stream().mapToDouble(EpochRun::residentGrowthMb).max().orElse(Double.NaN);
            b.append("| ").append(e.key().setting().shortName()).append(" | ").append(e.label()).append(" | ")
                    .append(e.runs().get(0).epochs()).append(" | ").append(Format.fixed(first, 0)).append(" | ")
                    .append(Format.fixed(growth, 0)).append(" | ").append(growth <= FLAT_MB ? "yes" : "no").append(" |\n");
        }
        return b.toString();
    }
}
