package org.sqnbench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The source study's headline figures: minutes for 15 epochs on its own hardware (DESIGN.md). Only their ratios
 * mean anything here, so the report scales them to SGD = 1. MNIST has no MB-LBFGS figure.
 */
public final class SourceStudy {
    /** "MB-LBFGS runs about 20% longer": the claim the verdict tests. */
    public static final double CLAIMED_RATIO = 1.2;

    private static final Map<String, Map<String, Double>> MINUTES = Map.of(
            "mlp", ordered("sgd", 2.81, "momentum", 3.10, "adam", 3.80, "sgd-bb", 3.33),
            "cnn", ordered("sgd", 5.19, "momentum", 5.40, "adam", 5.35, "sgd-bb", 5.16, "mb-lbfgs", 6.37));

    private SourceStudy() {
    }

    /** The source's dataset for one of our networks. */
    public static String dataset(String network) {
        return switch (network) {
            case "mlp" -> "MNIST";
            case "cnn" -> "CIFAR-10";
            default -> network;
        };
    }

    /** Minutes for 15 epochs, if the source gives a figure. */
    public static OptionalDouble minutes(String network, String optimizer) {
        Double m = MINUTES.getOrDefault(network, Map.of()).get(optimizer);
        return m == null ? OptionalDouble.empty() : OptionalDouble.of(m);
    }

    /** The source's time relative to its SGD time. */
    public static OptionalDouble ratioToSgd(String network, String optimizer) {
        OptionalDouble m = minutes(network, optimizer);
        OptionalDouble sgd = minutes(network, "sgd");
        return m.isPresent() && sgd.isPresent() ? OptionalDouble.of(m.getAsDouble() / sgd.getAsDouble())
                : OptionalDouble.empty();
    }

    /** MB-LBFGS over the mean of the other four (CIFAR-10: 6.37 / 5.275 = 1.21), if the source has it. */
    public static OptionalDouble mbLbfgsOverOthers(String network) {
        OptionalDouble mb = minutes(network, "mb-lbfgs");
        Map<String, Double> all = MINUTES.getOrDefault(network, Map.of());
        double others = all.entrySet().stream().filter(e -> !e.getKey().equals("mb-lbfgs"))
                .mapToDouble(Map.Entry::getValue).average().orElse(Double.NaN);
        return mb.isPresent() ? OptionalDouble.of(mb.getAsDouble() / others) : OptionalDouble.empty();
    }

    private static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], (Double) pairs[i + 1]);
        }
        return m;
    }
}
