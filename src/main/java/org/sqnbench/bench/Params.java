package org.sqnbench.bench;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.sqnbench.data.Datasets;
import org.sqnbench.nn.NetworkKind;

/**
 * Checks the values given with {@code -p name=v1,v2} before JMH forks anything, so that a typo ends in one clear
 * line instead of a stack trace per fork. Names no benchmark uses are left to JMH.
 */
public final class Params {
    private Params() {
    }

    public static void validate(CommandLineOptions cli) {
        List<NetworkKind> networks = values(cli, "network").stream().map(NetworkKind::parse).toList();
        if (networks.isEmpty()) {
            networks = List.of(NetworkKind.values());
        }
        for (String data : values(cli, "data")) {
            for (NetworkKind kind : networks) {
                Datasets.check(data, kind.format());
            }
        }
        for (String name : List.of("batchSize", "threads")) {
            values(cli, name).forEach(v -> integer(name, v, 1));
        }
        values(cli, "trainSize").forEach(v -> integer("trainSize", v, 0));
        values(cli, "seed").forEach(v -> {
            try {
                Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("seed: '" + v + "' is not an integer");
            }
        });
    }

    static Collection<String> values(CommandLineOptions cli, String name) {
        return cli.getParameter(name).orElse(List.of());
    }

    static int integer(String name, String value, int min) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not an integer");
        }
        if (v < min) {
            throw new IllegalArgumentException(name + ": " + v + " is below the minimum " + min);
        }
        return v;
    }
}
