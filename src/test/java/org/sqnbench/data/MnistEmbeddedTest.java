package org.sqnbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 10,000-digit MNIST subset shipped as a resource, against the figures in its README. */
class MnistEmbeddedTest {
    /** Per-class counts over train + test, from src/main/resources/mnist-10k/README.md. */
    static final int[] README_COUNTS = {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978};

    static DataSplit split;

    @BeforeAll
    static void load() {
        split = MnistReader.embedded();
    }

    @Test
    void sizesAndShape() {
        assertEquals(8_000, split.train().size());
        assertEquals(2_000, split.test().size());
        for (Dataset d : new Dataset[] {split.train(), split.test()}) {
            assertEquals(1, d.channels());
            assertEquals(28, d.height());
            assertEquals(28, d.width());
            assertEquals(784, d.features());
        }
        assertFalse(split.synthetic());
        assertEquals("train", split.train().name());
        assertEquals("test", split.test().name());
    }

    @Test
    void classCountsMatchTheReadme() {
        int[] train = split.train().classCounts();
        int[] test = split.test().classCounts();
        int[] total = new int[10];
        int trainSum = 0;
        for (int k = 0; k < 10; k++) {
            total[k] = train[k] + test[k];
            trainSum += train[k];
        }
        assertArrayEquals(README_COUNTS, total);
        assertEquals(8_000, trainSum);
        // classCounts agrees with counting label() directly.
        int[] direct = new int[10];
        for (int i = 0; i < split.test().size(); i++) {
            direct[split.test().label(i)]++;
        }
        assertArrayEquals(direct, test);
    }

    @Test
    void pixelsAreGreyBytesScaledToUnitRange() {
        for (Dataset d : new Dataset[] {split.train(), split.test()}) {
            float[] x = new float[784];
            double sum = 0;
            for (int i = 0; i < d.size(); i++) {
                d.copyPixels(i, x, 0);
                float max = 0;
                for (float v : x) {
                    assertTrue(v >= 0f && v <= 1f, d.name() + " sample " + i + " has pixel " + v);
                    // Each value is an 8-bit grey level divided by 255.
                    float level = v * 255f;
                    assertEquals(Math.round(level), level, 1e-3f, d.name() + " sample " + i);
                    max = Math.max(max, v);
                    sum += v;
                }
                assertTrue(max > 0.5f, d.name() + " sample " + i + " is blank (max " + max + ")");
            }
            // MNIST's mean pixel intensity is about 0.1307; a 10,000-digit subset lands close to it.
            double mean = sum / ((double) d.size() * 784);
            assertTrue(mean > 0.11 && mean < 0.15, d.name() + " mean intensity " + mean);
        }
    }

    @Test
    void digitsAreCentredLikeMnist() {
        // MNIST digits are centred in a 20x20 box inside the 28x28 frame: the outermost rows and columns are blank
        // for nearly every image. Count ink in the 2-pixel border over the training set.
        Dataset d = split.train();
        float[] x = new float[784];
        double border = 0;
        double all = 0;
        for (int i = 0; i < d.size(); i++) {
            d.copyPixels(i, x, 0);
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    all += x[r * 28 + c];
                    if (r < 2 || r >= 26 || c < 2 || c >= 26) {
                        border += x[r * 28 + c];
                    }
                }
            }
        }
        assertTrue(border / all < 0.01, "ink fraction in the border " + border / all);
    }

    @Test
    void datasetsLoadDefaultsToTheEmbeddedSubset() {
        for (String spec : new String[] {null, "", "  ", Datasets.EMBEDDED}) {
            DataSplit s = Datasets.load(spec, Datasets.Format.MNIST);
            assertEquals(8_000, s.train().size(), "spec " + spec);
            assertEquals(2_000, s.test().size(), "spec " + spec);
            assertEquals(split.description(), s.description());
            assertArrayEquals(split.train().classCounts(), s.train().classCounts());
            float[] a = new float[784];
            float[] b = new float[784];
            split.train().copyPixels(1234, a, 0);
            s.train().copyPixels(1234, b, 0);
            assertArrayEquals(a, b);
        }
    }
}
