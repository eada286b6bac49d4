package org.sqnbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The seeded CIFAR-shaped stand-in: reproducible, well-formed, balanced and learnable. */
class SyntheticCifarTest {
    static final int N_TRAIN = 2000;
    static final int N_TEST = 500;
    static final long SEED = 42L;
    static final int F = 3 * 32 * 32;

    static DataSplit split;

    @BeforeAll
    static void generate() {
        split = SyntheticCifar.generate(N_TRAIN, N_TEST, SEED);
    }

    static float[] pixels(Dataset d) {
        float[] all = new float[d.size() * d.features()];
        for (int i = 0; i < d.size(); i++) {
            d.copyPixels(i, all, i * d.features());
        }
        return all;
    }

    static byte[] labels(Dataset d) {
        byte[] y = new byte[d.size()];
        for (int i = 0; i < d.size(); i++) {
            y[i] = (byte) d.label(i);
        }
        return y;
    }

    @Test
    void shapesAndFlags() {
        for (Dataset d : new Dataset[] {split.train(), split.test()}) {
            assertEquals(3, d.channels());
            assertEquals(32, d.height());
            assertEquals(32, d.width());
            assertEquals(F, d.features());
        }
        assertEquals(N_TRAIN, split.train().size());
        assertEquals(N_TEST, split.test().size());
        assertTrue(split.synthetic());
        assertTrue(split.description().contains("seed 42"), split.description());
        assertTrue(split.description().contains("2,000 train"), split.description());
    }

    @Test
    void sameSeedSameData() {
        DataSplit again = SyntheticCifar.generate(N_TRAIN, N_TEST, SEED);
        assertArrayEquals(pixels(split.train()), pixels(again.train()));
        assertArrayEquals(labels(split.train()), labels(again.train()));
        assertArrayEquals(pixels(split.test()), pixels(again.test()));
        assertArrayEquals(labels(split.test()), labels(again.test()));
    }

    @Test
    void differentSeedDifferentData() {
        DataSplit other = SyntheticCifar.generate(N_TRAIN, N_TEST, SEED + 1000);
        assertFalse(java.util.Arrays.equals(pixels(split.train()), pixels(other.train())));
        assertFalse(java.util.Arrays.equals(labels(split.train()), labels(other.train())));
        assertFalse(java.util.Arrays.equals(pixels(split.test()), pixels(other.test())));
    }

    @Test
    void trainAndTestAreDifferentSamples() {
        float[] a = new float[F];
        float[] b = new float[F];
        split.train().copyPixels(0, a, 0);
        split.test().copyPixels(0, b, 0);
        assertFalse(java.util.Arrays.equals(a, b));
    }

    @Test
    void valuesInUnitRangeAndCentred() {
        for (Dataset d : new Dataset[] {split.train(), split.test()}) {
            float[] x = pixels(d);
            double sum = 0;
            double sumSq = 0;
            int clipped = 0;
            for (float v : x) {
                assertTrue(v >= 0f && v <= 1f, d.name() + " pixel " + v);
                sum += v;
                sumSq += v * v;
                if (v == 0f || v == 1f) {
                    clipped++;
                }
            }
            double mean = sum / x.length;
            double sd = Math.sqrt(sumSq / x.length - mean * mean);
            // 0.5 + symmetric signal + symmetric noise (sigma 0.3), clipped symmetrically: mean 0.5.
            assertEquals(0.5, mean, 0.02, d.name() + " mean");
            // Noise alone gives sd 0.3; the signal adds to it and clipping takes some away.
            assertTrue(sd > 0.2 && sd < 0.35, d.name() + " sd " + sd);
            // Noise alone passes 0 or 1 with probability 2·P(Z > 0.5/0.3) ≈ 9.6%; the signal pushes it a little
            // higher. The bound keeps clipping from dominating the images.
            assertTrue(clipped < 0.15 * x.length, d.name() + " clipped fraction " + (double) clipped / x.length);
        }
    }

    @Test
    void allClassesInRoughlyEqualProportion() {
        int[] train = split.train().classCounts();
        int[] test = split.test().classCounts();
        for (int k = 0; k < 10; k++) {
            // Binomial(2000, 0.1): mean 200, sd 13.4; Binomial(500, 0.1): mean 50, sd 6.7.
            assertTrue(train[k] > 140 && train[k] < 260, "train class " + k + ": " + train[k]);
            assertTrue(test[k] > 20 && test[k] < 80, "test class " + k + ": " + test[k]);
        }
    }

    @Test
    void nearestClassMeanBeatsChanceByFar() {
        Dataset train = split.train();
        double[][] means = new double[10][F];
        int[] counts = new int[10];
        float[] x = new float[F];
        for (int i = 0; i < train.size(); i++) {
            int k = train.label(i);
            train.copyPixels(i, x, 0);
            counts[k]++;
            for (int j = 0; j < F; j++) {
                means[k][j] += x[j];
            }
        }
        for (int k = 0; k < 10; k++) {
            for (int j = 0; j < F; j++) {
                means[k][j] /= counts[k];
            }
        }
        Dataset test = split.test();
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            test.copyPixels(i, x, 0);
            int best = -1;
            double bestDist = Double.POSITIVE_INFINITY;
            for (int k = 0; k < 10; k++) {
                double dist = 0;
                for (int j = 0; j < F; j++) {
                    double diff = x[j] - means[k][j];
                    dist += diff * diff;
                }
                if (dist < bestDist) {
                    bestDist = dist;
                    best = k;
                }
            }
            if (best == test.label(i)) {
                correct++;
            }
        }
        double accuracy = (double) correct / test.size();
        assertTrue(accuracy > 0.5, "nearest-class-mean test accuracy " + accuracy);
    }

    @Test
    void defaultIsTheDocumentedSizeAndSeedAndAPrefixOfItIsCheap() {
        // Samples are drawn one after another from one stream per split, so a smaller set with the same seed is a
        // prefix of the larger one: the default's first samples equal generate(5, 3, SEED)'s.
        DataSplit def = SyntheticCifar.generate();
        assertEquals(10_000, def.train().size());
        assertEquals(2_000, def.test().size());
        assertTrue(def.synthetic());
        assertTrue(def.description().contains("seed 20160523"), def.description());
        DataSplit small = SyntheticCifar.generate(5, 3, 20160523L);
        float[] a = new float[F];
        float[] b = new float[F];
        for (int i = 0; i < 5; i++) {
            def.train().copyPixels(i, a, 0);
            small.train().copyPixels(i, b, 0);
            assertArrayEquals(b, a, "train sample " + i);
            assertEquals(small.train().label(i), def.train().label(i));
        }
        for (int i = 0; i < 3; i++) {
            def.test().copyPixels(i, a, 0);
            small.test().copyPixels(i, b, 0);
            assertArrayEquals(b, a, "test sample " + i);
        }
        // Datasets.load's default for the CIFAR format is this same data.
        DataSplit loaded = Datasets.load(Datasets.EMBEDDED, Datasets.Format.CIFAR);
        assertEquals(def.description(), loaded.description());
        loaded.train().copyPixels(9_999, a, 0);
        def.train().copyPixels(9_999, b, 0);
        assertArrayEquals(b, a);
    }
}
