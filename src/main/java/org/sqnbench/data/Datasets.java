package org.sqnbench.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves the {@code data} parameter: {@code embedded} (the default), {@code synthetic:N} (N synthetic
 * CIFAR-shaped training images, for full-size CNN timings without CIFAR-10) or a directory of the format's files.
 */
public final class Datasets {
    public static final String EMBEDDED = "embedded";
    public static final String SYNTHETIC_PREFIX = "synthetic:";

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
        if (isSynthetic(spec)) {
            return SyntheticCifar.generate(syntheticSize(spec, format), SyntheticCifar.TEST_SIZE, SyntheticCifar.SEED);
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
        if (isSynthetic(spec)) {
            syntheticSize(spec, format);
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

    /** Whether {@code spec} asks for a synthetic set of a given size ('synthetic:N'). */
    public static boolean isSynthetic(String spec) {
        return spec != null && spec.startsWith(SYNTHETIC_PREFIX);
    }

    /** N of 'synthetic:N', which only the CNN's format has. */
    private static int syntheticSize(String spec, Format format) {
        if (format != Format.CIFAR) {
            throw new DataException("data=" + spec + ": synthetic data is CIFAR-shaped, for the CNN; the MLP takes "
                    + "'embedded' or a directory of MNIST IDX files");
        }
        String count = spec.substring(SYNTHETIC_PREFIX.length());
        try {
            int n = Integer.parseInt(count);
            if (n >= 1 && n <= 200_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DataException("data=" + spec + ": expected synthetic:N with N training images, 1 to 200000");
    }

    /** Whether {@code spec} names the data built into the jar ('embedded', or no value). */
    public static boolean isEmbedded(String spec) {
        return spec == null || spec.isBlank() || spec.equals(EMBEDDED);
    }

    private static Path directory(String spec, Format format) {
        Path dir = Path.of(spec);
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir + ": data directory not found (use 'embedded' "
                    + (format == Format.MNIST ? "or a directory of MNIST IDX files)"
                            : "or 'synthetic:N' or a directory of CIFAR-10 .bin files)"));
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
