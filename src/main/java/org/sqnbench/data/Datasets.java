package org.sqnbench.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves the {@code data} parameter: {@code embedded} (the default) or a directory of the format's files. */
public final class Datasets {
    public static final String EMBEDDED = "embedded";

    /** The two file formats the networks read. */
    public enum Format {
        /** 28×28 grey digits: the four MNIST IDX files (MNIST, Fashion-MNIST). */
        MNIST,
        /** 32×32 colour images: CIFAR-10's binary version. */
        CIFAR
    }

    private Datasets() {
    }

    /** Loads {@code spec} for a network that reads {@code format}; bad data end in a {@link DataException}. */
    public static DataSplit load(String spec, Format format) {
        if (spec == null || spec.isBlank() || spec.equals(EMBEDDED)) {
            return format == Format.MNIST ? MnistReader.embedded() : SyntheticCifar.generate();
        }
        Path dir = Path.of(spec);
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": data directory not found (use 'embedded' or a directory of "
                    + (format == Format.MNIST ? "MNIST IDX" : "CIFAR-10 .bin") + " files)");
        }
        return format == Format.MNIST ? MnistReader.read(dir) : CifarReader.read(dir);
    }
}
