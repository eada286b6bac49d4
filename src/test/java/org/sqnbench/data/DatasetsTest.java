package org.sqnbench.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Datasets.check: the cheap presence check run before benchmark forks start (content is not read). */
class DatasetsTest {
    @TempDir
    Path dir;

    static void assertMessage(DataException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }

    @Test
    void embeddedNeedsNoFiles() {
        for (Datasets.Format f : Datasets.Format.values()) {
            assertDoesNotThrow(() -> Datasets.check(null, f));
            assertDoesNotThrow(() -> Datasets.check("", f));
            assertDoesNotThrow(() -> Datasets.check(Datasets.EMBEDDED, f));
        }
    }

    @Test
    void missingDirectory() {
        Path missing = dir.resolve("nowhere");
        DataException e = assertThrows(DataException.class,
                () -> Datasets.check(missing.toString(), Datasets.Format.CIFAR));
        assertMessage(e, missing.toString(), "data directory not found", "'synthetic:N'", "CIFAR-10 .bin");
    }

    @Test
    void mnistFilesPresenceFirstThenContents() throws IOException {
        // Missing files are reported before any content is read.
        Files.write(dir.resolve("train-images-idx3-ubyte"), new byte[] {0});
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), new byte[] {0});
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), new byte[] {0});
        DataException e = assertThrows(DataException.class,
                () -> Datasets.check(dir.toString(), Datasets.Format.MNIST));
        assertMessage(e, "t10k-labels-idx1-ubyte", "file not found");
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), new byte[] {0});
        // then the contents: one byte is not an IDX header
        DataException bad = assertThrows(DataException.class,
                () -> Datasets.check(dir.toString(), Datasets.Format.MNIST));
        assertMessage(bad, "train-images-idx3-ubyte", "truncated header");
    }

    @Test
    void cifarNeedsAllSixFiles() throws IOException {
        String[] names = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin"};
        for (String name : names) {
            if (!name.equals("data_batch_4.bin")) {
                Files.write(dir.resolve(name), new byte[] {0});
            }
        }
        DataException e = assertThrows(DataException.class,
                () -> Datasets.check(dir.toString(), Datasets.Format.CIFAR));
        assertMessage(e, "data_batch_4.bin", "file not found");
        Files.write(dir.resolve("data_batch_4.bin"), new byte[] {0});
        DataException bad = assertThrows(DataException.class,
                () -> Datasets.check(dir.toString(), Datasets.Format.CIFAR));
        assertMessage(bad, "data_batch_1.bin", "wrong record size");
    }

    @Test
    void syntheticOfAGivenSizeForTheCnnOnly() {
        DataSplit split = Datasets.load("synthetic:300", Datasets.Format.CIFAR);
        org.junit.jupiter.api.Assertions.assertEquals(300, split.train().size());
        org.junit.jupiter.api.Assertions.assertEquals(SyntheticCifar.TEST_SIZE, split.test().size());
        assertTrue(split.synthetic());
        // the first images are the default set's: same seed, same generator
        DataSplit standard = SyntheticCifar.generate(300, SyntheticCifar.TEST_SIZE, SyntheticCifar.SEED);
        float[] a = new float[3 * 32 * 32];
        float[] b = new float[3 * 32 * 32];
        split.train().copyPixels(299, a, 0);
        standard.train().copyPixels(299, b, 0);
        org.junit.jupiter.api.Assertions.assertArrayEquals(b, a);
        assertMessage(assertThrows(DataException.class, () -> Datasets.check("synthetic:300", Datasets.Format.MNIST)),
                "synthetic:300", "CIFAR-shaped");
        for (String bad : new String[] {"synthetic:", "synthetic:0", "synthetic:ten", "synthetic:999999"}) {
            assertMessage(assertThrows(DataException.class, () -> Datasets.check(bad, Datasets.Format.CIFAR)),
                    bad, "synthetic:N");
        }
    }
}
