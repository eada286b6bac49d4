package org.sqnbench.report.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.sqnbench.report.results.EpochData;
import org.sqnbench.report.results.EpochSeries;

/**
 * Where a computation that sets epoch times against kernel times takes its kernels from when a report reads several
 * inputs (study folders or result files): first the kernels of the input that holds the epochs, then those of every
 * input pooled. The same kernel measured in two sessions can differ by more than the model's tolerance (the CNN's
 * batch-64 gradient read 12.9 ms in the 2026-12-04 standard study and 15.6 ms in the next day's conditions map),
 * and the cost model, the floor, the update bound and the verdict's breakdown set epochs against kernels measured
 * side by side.
 */
public final class KernelSources {
    /** One input of a report, read alone; {@code name} as the report names it (a folder's or file's name). */
    public record Input(String name, EpochData epochs, KernelTimes kernels) {
    }

    private final KernelTimes pooled;
    private final List<Input> inputs;

    /**
     * @param pooled every input's kernels pooled (what the report's kernel tables show)
     * @param inputs each input read alone, in the order given; empty when the report reads one input
     */
    public KernelSources(KernelTimes pooled, List<Input> inputs) {
        this.pooled = pooled;
        this.inputs = List.copyOf(inputs);
    }

    /** A single input: its kernels are the pooled ones. */
    public static KernelSources single(KernelTimes kernels) {
        return new KernelSources(kernels, List.of());
    }

    public KernelTimes pooled() {
        return pooled;
    }

    /** Each input read alone, in the order given; empty when the report reads one input. */
    public List<Input> inputs() {
        return inputs;
    }

    /**
     * The kernels to try for a computation over {@code series} (all EpochTime series of one setting), first choice
     * first: those of the one input that holds every run of every series, if there is one, then the pooled ones.
     */
    public List<KernelTimes> candidates(EpochSeries... series) {
        List<KernelTimes> c = new ArrayList<>();
        inputs.stream().filter(i -> holdsWhole(i, series)).findFirst().ifPresent(i -> c.add(i.kernels()));
        c.add(pooled);
        return c;
    }

    /** The first answer {@code lookup} gives over {@link #candidates}: the series' own input's, else the pooled. */
    public <T> Optional<T> first(Function<KernelTimes, Optional<T>> lookup, EpochSeries... series) {
        return candidates(series).stream().map(lookup).flatMap(Optional::stream).findFirst();
    }

    /** Every input's kernels in order, then the pooled ones: for computations over no particular epochs. */
    public List<KernelTimes> all() {
        List<KernelTimes> c = new ArrayList<>();
        inputs.forEach(i -> c.add(i.kernels()));
        c.add(pooled);
        return c;
    }

    /** Whether the input has each series with the same key and as many runs: the series came from it alone. */
    private static boolean holdsWhole(Input input, EpochSeries... series) {
        for (EpochSeries s : series) {
            boolean found = input.epochs().series(s.key().benchmarkClass(), s.key().setting()).stream()
                    .anyMatch(t -> t.key().equals(s.key()) && t.runs().size() == s.runs().size());
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
