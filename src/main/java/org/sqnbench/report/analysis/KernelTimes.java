package org.sqnbench.report.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sqnbench.report.results.JmhResult;
import org.sqnbench.report.results.Setting;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.StudyNetwork;
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
        /** The bandwidth a triad result measured. */
        public static Bandwidth of(Point triad) {
            return new Bandwidth(Traffic.TRIAD_BYTES / (triad.time().mean() / 1e3), triad.param("threads"));
        }

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
        return match.or(() -> best).map(Bandwidth::of);
    }

    /**
     * The thread count a run with this network and {@code threads} parameter ran on: the parameter, 0 standing for
     * the network's default ({@link StudyNetwork#threads}); 0 when that is unknown (another network, or a kernel
     * without one, such as the triad and sgemm, whose 0 is ND4J's own choice).
     */
    public static int threadCount(String network, String threads) {
        int requested;
        try {
            requested = Integer.parseInt(Setting.orEmpty(threads).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
        int r = requested;
        return requested > 0 ? requested : StudyNetwork.find(Setting.orEmpty(network)).map(n -> n.threads(r)).orElse(0);
    }

    /** The thread count a kernel ran on ({@link #threadCount(String, String)}). */
    public static int threadCount(Point p) {
        return threadCount(p.param("network"), p.param("threads"));
    }

    /**
     * The kernel of {@code shortName} with these parameter values (others free) that ran on {@code count} threads,
     * whatever its threads parameter said; of several, the one whose parameter is {@code threads} (the same session's
     * when a standard study with threads=0 and a conditions map with explicit counts are read together).
     */
    public Optional<Point> onThreads(String shortName, Map<String, String> params, int count, String threads) {
        List<Point> found = of(shortName).stream()
                .filter(p -> params.entrySet().stream().allMatch(e -> Objects.equals(p.param(e.getKey()), e.getValue())))
                .filter(p -> count > 0 && threadCount(p) == count).toList();
        return found.stream().filter(p -> p.param("threads").equals(threads)).findFirst()
                .or(() -> found.stream().findFirst());
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
