package org.sqnbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The in-memory container: validation, per-sample copies, prefixes and class counts. */
class DatasetTest {

    /** 4 samples of 2x1x3: sample i, value j is i*10+j (divided by 100 to stay in [0, 1]). */
    static Dataset small() {
        float[] x = new float[4 * 6];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 6; j++) {
                x[i * 6 + j] = (i * 10 + j) / 100f;
            }
        }
        return new Dataset("small", 2, 1, 3, x, new byte[] {3, 3, 0, 9});
    }

    @Test
    void accessors() {
        Dataset d = small();
        assertEquals("small", d.name());
        assertEquals(4, d.size());
        assertEquals(6, d.features());
        assertEquals(9, d.label(3));
        float[] out = new float[8];
        d.copyPixels(2, out, 1);
        assertArrayEquals(new float[] {0f, .20f, .21f, .22f, .23f, .24f, .25f, 0f}, out);
        assertArrayEquals(new int[] {1, 0, 0, 2, 0, 0, 0, 0, 0, 1}, d.classCounts());
    }

    @Test
    void headIsAPrefix() {
        Dataset d = small();
        Dataset h = d.head(2);
        assertEquals(2, h.size());
        assertArrayEquals(new int[] {0, 0, 0, 2, 0, 0, 0, 0, 0, 0}, h.classCounts());
        float[] a = new float[6];
        float[] b = new float[6];
        h.copyPixels(1, a, 0);
        d.copyPixels(1, b, 0);
        assertArrayEquals(b, a);
        assertSame(d, d.head(0));
        assertSame(d, d.head(4));
        assertSame(d, d.head(99));
    }

    @Test
    void rejectsInconsistentShapesAndLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", 1, 2, 2, new float[7], new byte[2]));
        assertTrue(e.getMessage().contains("bad") && e.getMessage().contains("7 pixels"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dataset("bad", 0, 2, 2, new float[0], new byte[0]));
        e = assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", 1, 1, 1, new float[2], new byte[] {1, 10}));
        assertTrue(e.getMessage().contains("label 10 at 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Dataset("bad", 1, 1, 1, new float[1], new byte[] {-1}));
    }
}
