package org.sqnbench.report.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.Setting;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.Traffic;

/**
 * The hot-kernel and calibration results (everything measured in average-time mode) with their mean times, and the
 * memory bandwidth they are set against. Times are means over all iterations with t intervals.
 */
public final class KernelTimes {
    /** One kernel result: its parameters and time. */
    public record Point(JmhResult result, Statistics.MeanCi time) {
        public String param(String name) {
            return Setting.orEmpty(result.param(name));
        }

        public int intParam(String name) {
            return Setting.integer(result, name);
        }
    }

    /** A measured memory bandwidth. */
    public record Bandwidth(double bytesPerSecond, String threads) {
        public double gbPerSecond() {
            return bytesPerSecond / 1e9;
        }

        /** Time to move {@code bytes} at this bandwidth, in ms. */
        public double millis(double bytes) {
            return bytes / bytesPerSecond * 1e3;
        }
    }

    private final List<Point> points;

    private KernelTimes(List<Point> points) {
        this.points = points;
    }

    public static KernelTimes of(List<JmhResult> results) {
        return new KernelTimes(results.stream().filter(r -> r.mode().equals("avgt"))
                .map(r -> new Point(r, Statistics.mean(r.primary().all()))).toList());
    }

    /** Results of one benchmark method, e.g. {@link Benchmarks#PRODUCT}. */
    public List<Point> of(String shortName) {
        return points.stream().filter(p -> p.result().shortName().equals(shortName)).toList();
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /**
     * The memory bandwidth measured with {@code threads} threads, or else the highest one measured: with the
     * highest, bytes / bandwidth is a lower bound on a memory-bound kernel's time whatever its threads.
     */
    public Optional<Bandwidth> bandwidth(String threads) {
        List<Point> triads = of(Benchmarks.TRIAD);
        Optional<Point> match = triads.stream().filter(p -> p.param("threads").equals(threads)).findFirst();
        Optional<Point> best = triads.stream().min(Comparator.comparingDouble(p -> p.time().mean()));
        return match.or(() -> best).map(p -> new Bandwidth(Traffic.TRIAD_BYTES / (p.time().mean() / 1e3), p.param("threads")));
    }

    /** The kernel of {@code shortName} with these parameter values (others free), preferring {@code threads}. */
    public Optional<Point> find(String shortName, Map<String, String> params, String threads) {
        List<Point> found = of(shortName).stream()
                .filter(p -> params.entrySet().stream().allMatch(e -> Objects.equals(p.param(e.getKey()), e.getValue())))
                .toList();
        return found.stream().filter(p -> p.param("threads").equals(threads)).findFirst()
                .or(() -> found.stream().findFirst());
    }
}
