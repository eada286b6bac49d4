package org.sqnbench.data;

/**
 * Labelled images held on the Java heap: pixels as floats in [0, 1], row-major per sample and channel-major
 * (C×H×W) inside a sample, which is ND4J's NCHW layout once a minibatch is copied out.
 */
public final class Dataset {
    public static final int CLASSES = 10;

    private final String name;
    private final int channels;
    private final int height;
    private final int width;
    private final float[] pixels;
    private final byte[] labels;

    public Dataset(String name, int channels, int height, int width, float[] pixels, byte[] labels) {
        long features = (long) channels * height * width;
        if (features <= 0 || pixels.length != features * labels.length) {
            throw new IllegalArgumentException(name + ": " + pixels.length + " pixels do not make "
                    + labels.length + " images of " + channels + "x" + height + "x" + width);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= CLASSES) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " at " + i + " is outside 0..9");
            }
        }
        this.name = name;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
    }

    public String name() {
        return name;
    }

    public int size() {
        return labels.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** Values per sample. */
    public int features() {
        return channels * height * width;
    }

    public int label(int i) {
        return labels[i];
    }

    /** Copies sample {@code i}'s pixels into {@code dst} at {@code offset}. */
    public void copyPixels(int i, float[] dst, int offset) {
        int f = features();
        System.arraycopy(pixels, i * f, dst, offset, f);
    }

    /** The first {@code n} samples (a prefix, so runs on a subset stay comparable), or this set when n covers it. */
    public Dataset head(int n) {
        if (n <= 0 || n >= size()) {
            return this;
        }
        int f = features();
        return new Dataset(name, channels, height, width, java.util.Arrays.copyOf(pixels, n * f),
                java.util.Arrays.copyOf(labels, n));
    }

    /** Number of samples of each class. */
    public int[] classCounts() {
        int[] counts = new int[CLASSES];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
