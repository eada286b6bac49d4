package org.sqnbench.report.results;

import java.util.Locale;
import org.sqnbench.data.Datasets;

/**
 * Says in words what data a run trained on. The benchmarks' {@code data} parameter "embedded" means two very
 * different things: for the MLP the real MNIST subset shipped in the jar, for the CNN synthetic CIFAR-shaped data,
 * whose accuracy says nothing about CIFAR-10. "synthetic:N" is N such synthetic images. Any other value is a
 * directory of MNIST or CIFAR-10 files. What counts as which is the data package's rule ({@link Datasets}).
 */
public final class DataLabels {
    private DataLabels() {
    }

    public static boolean embedded(String data) {
        return Datasets.isEmbedded(data);
    }

    public static boolean synthetic(String network, String data) {
        return (embedded(data) || Datasets.isSynthetic(data)) && "cnn".equals(network);
    }

    public static String describe(String network, String data, int trainSize) {
        String what;
        if (synthetic(network, data)) {
            what = "SYNTHETIC CIFAR-shaped data (not CIFAR-10 images"
                    + (embedded(data) ? ")" : ", " + data.substring(Datasets.SYNTHETIC_PREFIX.length()) + " train)");
        } else if (embedded(data) && "mlp".equals(network)) {
            what = "embedded real MNIST subset (8,000 train / 2,000 test)";
        } else {
            String format = "cnn".equals(network) ? "CIFAR-10" : "mlp".equals(network) ? "MNIST" : "dataset";
            what = format + " files from the directory '" + data + "'";
        }
        return trainSize > 0 ? what + String.format(Locale.ROOT, ", first %,d training samples", trainSize) : what;
    }
}
