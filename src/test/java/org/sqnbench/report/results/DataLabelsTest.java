package org.sqnbench.report.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What each value of the data parameter is called in the report, and which ones are synthetic. */
class DataLabelsTest {
    @Test
    void syntheticOfAGivenSizeIsSyntheticAndSaysItsSize() {
        assertTrue(DataLabels.synthetic("cnn", "synthetic:50000"));
        assertTrue(DataLabels.synthetic("cnn", "embedded"));
        assertFalse(DataLabels.synthetic("mlp", "embedded"));
        assertFalse(DataLabels.synthetic("cnn", "/data/cifar-10-batches-bin"));
        assertEquals("SYNTHETIC CIFAR-shaped data (not CIFAR-10 images, 50000 train)",
                DataLabels.describe("cnn", "synthetic:50000", 0));
        assertEquals("CIFAR-10 files from the directory '/data/cifar', first 5,000 training samples",
                DataLabels.describe("cnn", "/data/cifar", 5000));
    }
}
