package org.sqnbench.report;

import java.util.Locale;

/**
 * Says in words what data a run trained on. The benchmarks' {@code data} parameter "embedded" means two very
 * different things: for the MLP the real MNIST subset shipped in the jar, for the CNN synthetic CIFAR-shaped data,
 * whose accuracy says nothing about CIFAR-10. "synthetic:N" is N such synthetic images. Any other value is a
 * directory of MNIST or CIFAR-10 files.
 */
public final class DataLabels {
    /** The benchmarks' name for the data built into the jar. */
    public static final String EMBEDDED = "embedded";
    /** The benchmarks' prefix for a synthetic set of a given size. */
    public static final String SYNTHETIC_PREFIX = "synthetic:";

    private DataLabels() {
    }

    public static boolean embedded(String data) {
        return data == null || data.isBlank() || data.equals(EMBEDDED);
    }

    public static boolean synthetic(String network, String data) {
        return (embedded(data) || data.startsWith(SYNTHETIC_PREFIX)) && "cnn".equals(network);
    }

    public static String describe(String network, String data, int trainSize) {
        String what;
        if (synthetic(network, data)) {
            what = "SYNTHETIC CIFAR-shaped data (not CIFAR-10 images"
                    + (embedded(data) ? ")" : ", " + data.substring(SYNTHETIC_PREFIX.length()) + " train)");
        } else if (embedded(data) && "mlp".equals(network)) {
            what = "embedded real MNIST subset (8,000 train / 2,000 test)";
        } else {
            String format = "cnn".equals(network) ? "CIFAR-10" : "mlp".equals(network) ? "MNIST" : "dataset";
            what = format + " files from the directory '" + data + "'";
        }
        return trainSize > 0 ? what + String.format(Locale.ROOT, ", first %,d training samples", trainSize) : what;
    }
}
