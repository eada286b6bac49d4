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
        if (isEmbedded(spec)) {
            return format == Format.MNIST ? MnistReader.embedded() : SyntheticCifar.generate();
        }
        Path dir = directory(spec, format);
        return format == Format.MNIST ? MnistReader.read(dir) : CifarReader.read(dir);
    }

    /**
     * Checks, before benchmark forks start, that {@code spec} names loadable data of the format: 'embedded', or a
     * directory where every file the reader needs is present (reported first, all at once) and valid. The files are
     * read once and dropped, so a corrupt file ends in one line here instead of a stack trace in every fork.
     */
    public static void check(String spec, Format format) {
        if (isEmbedded(spec)) {
            return;
        }
        Path dir = directory(spec, format);
        if (format == Format.MNIST) {
            for (String base : MnistReader.FILES) {
                readable(MnistReader.find(dir, base));
            }
        } else {
            for (String name : CifarReader.FILES) {
                readable(dir.resolve(name));
            }
        }
        load(spec, format);
    }

    private static boolean isEmbedded(String spec) {
        return spec == null || spec.isBlank() || spec.equals(EMBEDDED);
    }

    private static Path directory(String spec, Format format) {
        Path dir = Path.of(spec);
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": data directory not found (use 'embedded' or a directory of "
                    + (format == Format.MNIST ? "MNIST IDX" : "CIFAR-10 .bin") + " files)");
        }
        return dir;
    }

    private static void readable(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException(file + ": file not found");
        }
        if (!Files.isReadable(file)) {
            throw new DataException(file + ": file not readable");
        }
    }
}
