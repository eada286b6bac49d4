package org.sqnbench.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the four MNIST IDX files (plain or gzipped): train-images-idx3-ubyte, train-labels-idx1-ubyte,
 * t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte. Fashion-MNIST uses the same names and format. Every check names
 * the file: magic number (2051 images, 2049 labels), 28×28 dimensions, length against the header's count, labels
 * in 0..9, and as many labels as images.
 */
public final class MnistReader {
    static final int IMAGE_MAGIC = 2051;
    static final int LABEL_MAGIC = 2049;
    static final int SIDE = 28;
    private static final String EMBEDDED = "/mnist-10k/";
    static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte"};

    /** Training images of the embedded subset. */
    public static final int EMBEDDED_TRAIN_SIZE = 8_000;

    private MnistReader() {
    }

    /** The MNIST files of {@code dir}, each found with or without a .gz suffix. */
    public static DataSplit read(Path dir) {
        Dataset train = read("train", find(dir, FILES[0]), find(dir, FILES[1]));
        Dataset test = read("test", find(dir, FILES[2]), find(dir, FILES[3]));
        return new DataSplit(train, test, "MNIST-format files in " + dir, false);
    }

    /** The real 10,000-image MNIST subset shipped in the jar (8,000 train, 2,000 test). */
    public static DataSplit embedded() {
        Dataset train = parse("train", EMBEDDED + "train-images-idx3-ubyte.gz",
                Idx.readResource(EMBEDDED + "train-images-idx3-ubyte.gz"),
                EMBEDDED + "train-labels-idx1-ubyte.gz", Idx.readResource(EMBEDDED + "train-labels-idx1-ubyte.gz"));
        Dataset test = parse("test", EMBEDDED + "t10k-images-idx3-ubyte.gz",
                Idx.readResource(EMBEDDED + "t10k-images-idx3-ubyte.gz"),
                EMBEDDED + "t10k-labels-idx1-ubyte.gz", Idx.readResource(EMBEDDED + "t10k-labels-idx1-ubyte.gz"));
        return new DataSplit(train, test, "embedded MNIST subset (real digits, 8,000 train / 2,000 test)", false);
    }

    public static Dataset read(String name, Path images, Path labels) {
        return parse(name, images.toString(), Idx.readFile(images),
                labels.toString(), Idx.readFile(labels));
    }

    static Path find(Path dir, String base) {
        Path plain = dir.resolve(base);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        Path gz = dir.resolve(base + ".gz");
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        throw new DataException(plain + "[.gz]: file not found");
    }

    static Dataset parse(String name, String imagesName, byte[] images, String labelsName, byte[] labels) {
        int count = header(imagesName, images, IMAGE_MAGIC, 16);
        int rows = Idx.int32(images, 8);
        int cols = Idx.int32(images, 12);
        if (rows != SIDE || cols != SIDE) {
            throw new DataException(imagesName + ": images are " + rows + "x" + cols + ", expected 28x28");
        }
        checkLength(imagesName, images, 16 + (long) count * rows * cols);
        int labelCount = header(labelsName, labels, LABEL_MAGIC, 8);
        checkLength(labelsName, labels, 8 + (long) labelCount);
        if (labelCount != count) {
            throw new DataException(labelsName + ": " + labelCount + " labels for " + count + " images in " + imagesName);
        }
        byte[] y = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = labels[8 + i] & 0xff;
            if (label >= Dataset.CLASSES) {
                throw new DataException(labelsName + ": label " + label + " at index " + i + " is not in 0..9");
            }
            y[i] = (byte) label;
        }
        float[] x = new float[count * rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (images[16 + i] & 0xff) / 255f;
        }
        return new Dataset(name, 1, rows, cols, x, y);
    }

    private static int header(String name, byte[] bytes, int magic, int headerBytes) {
        if (bytes.length < headerBytes) {
            throw new DataException(name + ": truncated header (" + bytes.length + " bytes)");
        }
        int found = Idx.int32(bytes, 0);
        if (found != magic) {
            throw new DataException(name + ": wrong magic number " + found + ", expected " + magic);
        }
        int count = Idx.int32(bytes, 4);
        if (count <= 0) {
            throw new DataException(name + ": header gives " + count + " items");
        }
        return count;
    }

    private static void checkLength(String name, byte[] bytes, long expected) {
        if (bytes.length < expected) {
            throw new DataException(name + ": truncated, " + bytes.length + " bytes where the header needs " + expected);
        }
        if (bytes.length > expected) {
            throw new DataException(name + ": " + (bytes.length - expected) + " bytes beyond what the header describes");
        }
    }
}
