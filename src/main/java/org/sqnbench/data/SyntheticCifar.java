package org.sqnbench.data;

import java.util.SplittableRandom;

/**
 * A seeded, CIFAR-10-shaped (3×32×32, 10 classes) synthetic data set, the CNN's default because CIFAR-10 itself is
 * not shipped. Each class has a prototype: per channel, a sum of three random sinusoidal gratings. A sample is its
 * class prototype at a random contrast (0.1 to 0.3), cyclically shifted by up to ±4 pixels, plus Gaussian pixel
 * noise (σ = 0.3), clipped to [0, 1]. Low contrast, shift and noise make the classes overlap at the pixel level, so
 * a network has to learn translation-tolerant features and the optimizers separate: after 5 epochs on 3,000 images
 * at batch 64 with the default step sizes, test accuracy was SGD 0.35, SGD-BB 0.27, MB-LBFGS 0.64, Momentum 0.68,
 * Adam 0.85 (a first, easier version had every method at 0.99 after 3 epochs, useless for convergence curves).
 * Results on it are always labelled synthetic.
 */
public final class SyntheticCifar {
    /** Default sizes: large enough for stable accuracy, small enough to generate in about a second. */
    public static final int TRAIN_SIZE = 10_000;
    public static final int TEST_SIZE = 2_000;
    public static final long SEED = 20160523L;

    static final int SIDE = 32;
    static final int CHANNELS = 3;
    private static final int GRATINGS = 3;
    private static final int MAX_SHIFT = 4;
    private static final double NOISE = 0.3;

    private SyntheticCifar() {
    }

    public static DataSplit generate() {
        return generate(TRAIN_SIZE, TEST_SIZE, SEED);
    }

    public static DataSplit generate(int trainSize, int testSize, long seed) {
        float[][] prototypes = prototypes(new SplittableRandom(seed));
        Dataset train = sample("train", prototypes, trainSize, new SplittableRandom(seed + 1));
        Dataset test = sample("test", prototypes, testSize, new SplittableRandom(seed + 2));
        return new DataSplit(train, test, String.format("synthetic CIFAR-10-shaped data (%,d train / %,d test, seed %d)",
                trainSize, testSize, seed), true);
    }

    /** Per class, a 3×32×32 pattern with values in about [-1, 1]. */
    static float[][] prototypes(SplittableRandom rnd) {
        float[][] protos = new float[Dataset.CLASSES][CHANNELS * SIDE * SIDE];
        for (float[] p : protos) {
            for (int c = 0; c < CHANNELS; c++) {
                for (int g = 0; g < GRATINGS; g++) {
                    double amplitude = rnd.nextDouble(0.5, 1.0) / GRATINGS;
                    int fx = rnd.nextInt(0, 4);
                    int fy = rnd.nextInt(fx == 0 ? 1 : 0, 4);
                    double phase = rnd.nextDouble(0, 2 * Math.PI);
                    for (int y = 0; y < SIDE; y++) {
                        for (int x = 0; x < SIDE; x++) {
                            double t = 2 * Math.PI * (fx * x + fy * y) / SIDE + phase;
                            p[(c * SIDE + y) * SIDE + x] += (float) (amplitude * Math.sin(t));
                        }
                    }
                }
            }
        }
        return protos;
    }

    private static Dataset sample(String name, float[][] prototypes, int n, SplittableRandom rnd) {
        int features = CHANNELS * SIDE * SIDE;
        float[] x = new float[n * features];
        byte[] y = new byte[n];
        for (int i = 0; i < n; i++) {
            int label = rnd.nextInt(Dataset.CLASSES);
            y[i] = (byte) label;
            float[] p = prototypes[label];
            double contrast = rnd.nextDouble(0.1, 0.3);
            int dx = rnd.nextInt(-MAX_SHIFT, MAX_SHIFT + 1);
            int dy = rnd.nextInt(-MAX_SHIFT, MAX_SHIFT + 1);
            for (int c = 0; c < CHANNELS; c++) {
                for (int row = 0; row < SIDE; row++) {
                    int srcRow = Math.floorMod(row + dy, SIDE);
                    for (int col = 0; col < SIDE; col++) {
                        int srcCol = Math.floorMod(col + dx, SIDE);
                        double v = 0.5 + contrast * p[(c * SIDE + srcRow) * SIDE + srcCol] + NOISE * rnd.nextGaussian();
                        x[i * features + (c * SIDE + row) * SIDE + col] = (float) Math.min(1.0, Math.max(0.0, v));
                    }
                }
            }
        }
        return new Dataset(name, CHANNELS, SIDE, SIDE, x, y);
    }
}
