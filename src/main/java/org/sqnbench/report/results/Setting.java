package org.sqnbench.report.results;

import java.util.Comparator;
import org.sqnbench.study.StudyNetwork;

/**
 * What the optimizers are compared under: one network, batch size, thread setting and training data. Epoch
 * results of different settings are never compared with each other.
 *
 * @param threads   the benchmark's threads parameter ("0" = the per-network default; the aux metric says which)
 * @param data      "embedded" or a directory
 * @param trainSize training samples used, 0 = all
 */
public record Setting(String network, int batchSize, String threads, String data, int trainSize)
        implements Comparable<Setting> {
    private static final Comparator<Setting> ORDER = Comparator.comparingInt(Setting::networkRank)
            .thenComparing(Setting::network)
            .thenComparingInt(Setting::batchSize).thenComparing(Setting::threads).thenComparing(Setting::data)
            .thenComparingInt(Setting::trainSize);

    public static Setting of(JmhResult r) {
        return new Setting(orEmpty(r.param("network")), integer(r, "batchSize"), orEmpty(r.param("threads")),
                orEmpty(r.param("data")), integer(r, "trainSize"));
    }

    /** e.g. "mlp, batch 64", with ", 2 threads" when the run set its thread count rather than taking the default. */
    public String shortName() {
        return network + ", batch " + batchSize + threadsNote();
    }

    /**
     * ", 2 threads" when the run set its thread count, "" for the default (0): results of a standard study and of a
     * conditions map, which sets them, stay apart wherever they are named.
     */
    public String threadsNote() {
        boolean explicit = !threads.isEmpty() && !threads.equals("0");
        return explicit ? ", " + threads + (threads.equals("1") ? " thread" : " threads") : "";
    }

    /** Whether the network trained on synthetic data (CIFAR-shaped noise, not real images). */
    public boolean synthetic() {
        return DataLabels.synthetic(network, data);
    }

    /** Network, batch, and in words what data it trained on. */
    public String description() {
        return shortName() + ", " + DataLabels.describe(network, data, trainSize);
    }

    @Override
    public int compareTo(Setting o) {
        return ORDER.compare(this, o);
    }

    /** The study's networks first, in its order (mlp, cnn). */
    private static int networkRank(Setting s) {
        return StudyNetwork.find(s.network).map(Enum::ordinal).orElse(StudyNetwork.values().length);
    }

    public static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A whole-number parameter (seeds can exceed int). */
    public static long longValue(JmhResult r, String name) {
        String v = r.param(name);
        try {
            return v == null ? 0 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(r.files().get(0) + ": " + r.shortName() + " has " + name + "='" + v
                    + "', not an integer");
        }
    }

    public static int integer(JmhResult r, String name) {
        String v = r.param(name);
        if (v == null) {
            return 0;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new BadInputException(r.files().get(0) + ": " + r.shortName() + " has " + name + "='" + v
                    + "', not an integer");
        }
    }
}
