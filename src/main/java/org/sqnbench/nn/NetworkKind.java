package org.sqnbench.nn;

import java.util.Arrays;
import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.sqnbench.data.Datasets;

/** The two networks of the study, by their command-line names. */
public enum NetworkKind {
    MLP(Datasets.Format.MNIST, 109_386L),
    CNN(Datasets.Format.CIFAR, 4_109_882L);

    private final Datasets.Format format;
    private final long params;

    NetworkKind(Datasets.Format format, long params) {
        this.format = format;
        this.params = params;
    }

    /** The data format the network reads. */
    public Datasets.Format format() {
        return format;
    }

    /** Parameter count, as DESIGN.md states it. */
    public long params() {
        return params;
    }

    public Network create(DataType dtype, long seed) {
        return this == MLP ? new Mlp(dtype, seed) : new Cnn(dtype, seed);
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name; an unknown one is an {@link IllegalArgumentException} listing the valid ones. */
    public static NetworkKind parse(String name) {
        for (NetworkKind k : values()) {
            if (k.cliName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown network '" + name + "', expected one of "
                + Arrays.stream(values()).map(NetworkKind::cliName).toList());
    }
}
