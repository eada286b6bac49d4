package org.sqnbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** MNIST IDX files built byte by byte in a temporary directory, read back, and broken in each checked way. */
class MnistReaderTest {
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final int PIXELS = 28 * 28;

    static final byte[] TRAIN_Y = {7, 0, 9};
    static final byte[] TEST_Y = {3, 5};

    @TempDir
    Path dir;

    // ---------------------------------------------------------------- building files

    /** The pixel byte (0..255) of image {@code i}, row {@code r}, column {@code c} in a set seeded by {@code salt}. */
    static int pixel(int salt, int i, int r, int c) {
        if (i == 1 && r == 2 && c == 5) {
            return 200; // a marker checked by position
        }
        return (salt * 101 + i * 31 + r * 7 + c * 3) & 0xff;
    }

    static byte[] pixelBytes(int salt, int count, int rows, int cols) {
        byte[] b = new byte[count * rows * cols];
        for (int i = 0; i < count; i++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    b[(i * rows + r) * cols + c] = (byte) pixel(salt, i, r, c);
                }
            }
        }
        return b;
    }

    static byte[] images(int magic, int count, int rows, int cols, byte[] pixels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            out.writeInt(rows);
            out.writeInt(cols);
            out.write(pixels);
        }
        return bytes.toByteArray();
    }

    static byte[] images(int salt, int count) throws IOException {
        return images(2051, count, 28, 28, pixelBytes(salt, count, 28, 28));
    }

    static byte[] labels(int magic, int count, byte[] labels) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            out.writeInt(count);
            out.write(labels);
        }
        return bytes.toByteArray();
    }

    static byte[] labels(byte[] y) throws IOException {
        return labels(2049, y.length, y);
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    /** Writes {@code bytes} as {@code name}, or gzipped as {@code name.gz}; returns the path written. */
    Path write(String name, byte[] bytes, boolean gz) throws IOException {
        Path file = dir.resolve(gz ? name + ".gz" : name);
        Files.write(file, gz ? gzip(bytes) : bytes);
        return file;
    }

    /** A valid set of four files: 3 train and 2 test images. */
    void writeValid(boolean gzTrain, boolean gzTest) throws IOException {
        write(TRAIN_IMAGES, images(1, TRAIN_Y.length), gzTrain);
        write(TRAIN_LABELS, labels(TRAIN_Y), gzTrain);
        write(TEST_IMAGES, images(2, TEST_Y.length), gzTest);
        write(TEST_LABELS, labels(TEST_Y), gzTest);
    }

    static void assertMessage(DataException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }

    static void assertImages(Dataset d, int salt, byte[] y) {
        assertEquals(y.length, d.size());
        assertEquals(1, d.channels());
        assertEquals(28, d.height());
        assertEquals(28, d.width());
        assertEquals(PIXELS, d.features());
        float[] sample = new float[PIXELS];
        for (int i = 0; i < y.length; i++) {
            assertEquals(y[i], d.label(i), "label " + i);
            d.copyPixels(i, sample, 0);
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    assertEquals(pixel(salt, i, r, c) / 255f, sample[r * 28 + c],
                            "image " + i + " row " + r + " col " + c);
                }
            }
        }
    }

    // ---------------------------------------------------------------- round trips

    @ParameterizedTest(name = "gzTrain={0}")
    @ValueSource(booleans = {false, true})
    void roundTripPlainAndGzipped(boolean gzTrain) throws IOException {
        writeValid(gzTrain, !gzTrain);
        DataSplit split = MnistReader.read(dir);
        assertImages(split.train(), 1, TRAIN_Y);
        assertImages(split.test(), 2, TEST_Y);
        assertFalse(split.synthetic());
        assertTrue(split.description().contains(dir.toString()), split.description());
    }

    @Test
    void allGzippedThroughDatasetsLoad() throws IOException {
        writeValid(true, true);
        DataSplit split = Datasets.load(dir.toString(), Datasets.Format.MNIST);
        assertImages(split.train(), 1, TRAIN_Y);
        assertImages(split.test(), 2, TEST_Y);
    }

    @Test
    void pixelsAreScaledBytesAtTheirPositions() throws IOException {
        writeValid(false, false);
        Dataset train = MnistReader.read(dir).train();
        float[] sample = new float[PIXELS];
        train.copyPixels(1, sample, 0);
        assertEquals(200 / 255f, sample[2 * 28 + 5]);
        // Byte 0xff must read as 1.0, not as a negative signed byte: image 0 pixel with (101+7r+3c)&0xff == 255.
        // 101 + 7*22 + 0 = 255 -> row 22, col 0 of image 0.
        train.copyPixels(0, sample, 0);
        assertEquals(1f, sample[22 * 28]);
        assertEquals(101 / 255f, sample[0]);
        // Offsets into a larger destination are honoured.
        float[] two = new float[2 * PIXELS + 3];
        train.copyPixels(1, two, 3);
        assertEquals(200 / 255f, two[3 + 2 * 28 + 5]);
        assertEquals(0f, two[0]);
    }

    @Test
    void plainFileWinsOverGzippedOne() throws IOException {
        writeValid(false, false);
        // A gzipped train-images file with different pixels beside the plain one is ignored.
        write(TRAIN_IMAGES, images(9, TRAIN_Y.length), true);
        assertImages(MnistReader.read(dir).train(), 1, TRAIN_Y);
    }

    @Test
    void readOfTwoFilesTakesTheGivenName() throws IOException {
        Path images = write(TRAIN_IMAGES, images(1, TRAIN_Y.length), false);
        Path labels = write(TRAIN_LABELS, labels(TRAIN_Y), true);
        Dataset d = MnistReader.read("train", images, labels);
        assertImages(d, 1, TRAIN_Y);
        assertEquals("train", d.name());
    }

    // ---------------------------------------------------------------- bad data

    @Test
    void missingDirectory() {
        Path missing = dir.resolve("no-such-dir");
        DataException e = assertThrows(DataException.class,
                () -> Datasets.load(missing.toString(), Datasets.Format.MNIST));
        assertMessage(e, missing.toString(), "data directory not found", "MNIST IDX");
    }

    @Test
    void regularFileIsNotADirectory() throws IOException {
        Path file = write("not-a-dir", new byte[] {1, 2, 3}, false);
        DataException e = assertThrows(DataException.class,
                () -> Datasets.load(file.toString(), Datasets.Format.MNIST));
        assertMessage(e, "not-a-dir", "data directory not found");
    }

    @ParameterizedTest
    @ValueSource(strings = {TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS})
    void missingFile(String name) throws IOException {
        writeValid(false, true);
        Files.deleteIfExists(dir.resolve(name));
        Files.deleteIfExists(dir.resolve(name + ".gz"));
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, dir.resolve(name).toString(), "file not found");
    }

    @Test
    void missingFileGivenByPath() throws IOException {
        Path labels = write(TRAIN_LABELS, labels(TRAIN_Y), false);
        Path images = dir.resolve(TRAIN_IMAGES);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read("train", images, labels));
        assertMessage(e, TRAIN_IMAGES, "file not found");
    }

    @ParameterizedTest(name = "gz={0}")
    @ValueSource(booleans = {false, true})
    void wrongImageMagic(boolean gz) throws IOException {
        writeValid(gz, gz);
        write(TRAIN_IMAGES, images(2049, 3, 28, 28, pixelBytes(1, 3, 28, 28)), gz);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TRAIN_IMAGES, "wrong magic number 2049, expected 2051");
    }

    @Test
    void wrongLabelMagic() throws IOException {
        writeValid(false, false);
        write(TEST_LABELS, labels(2051, TEST_Y.length, TEST_Y), false);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TEST_LABELS, "wrong magic number 2051, expected 2049");
    }

    @Test
    void truncatedPlainImages() throws IOException {
        writeValid(false, false);
        byte[] full = images(1, 3);
        assertEquals(16 + 3 * PIXELS, full.length);
        write(TRAIN_IMAGES, Arrays.copyOf(full, full.length - 1), false);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TRAIN_IMAGES, "truncated, 2367 bytes where the header needs 2368");
    }

    @Test
    void truncatedPlainLabels() throws IOException {
        writeValid(false, false);
        write(TRAIN_LABELS, Arrays.copyOf(labels(TRAIN_Y), 8 + 2), false);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TRAIN_LABELS, "truncated, 10 bytes where the header needs 11");
    }

    @Test
    void truncatedHeader() throws IOException {
        writeValid(false, false);
        write(TEST_IMAGES, Arrays.copyOf(images(2, 2), 10), false);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TEST_IMAGES, "truncated header (10 bytes)");
    }

    @Test
    void trailingBytes() throws IOException {
        writeValid(false, false);
        byte[] full = images(1, 3);
        write(TRAIN_IMAGES, Arrays.copyOf(full, full.length + 5), false);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TRAIN_IMAGES, "5 bytes beyond what the header describes");
    }

    @Test
    void truncatedGzip() throws IOException {
        writeValid(true, true);
        byte[] gz = gzip(images(1, 3));
        Path file = dir.resolve(TRAIN_IMAGES + ".gz");
        Files.write(file, Arrays.copyOf(gz, gz.length / 2));
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TRAIN_IMAGES + ".gz", "truncated gzip stream");
    }

    @Test
    void gzipMissingItsTrailer() throws IOException {
        writeValid(true, true);
        byte[] gz = gzip(labels(TEST_Y));
        // Drop the last 4 bytes (ISIZE of the 8-byte trailer): all data decompress, the stream still ends early.
        Files.write(dir.resolve(TEST_LABELS + ".gz"), Arrays.copyOf(gz, gz.length - 4));
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TEST_LABELS + ".gz", "truncated gzip stream");
    }

    @Test
    void imageLabelCountMismatch() throws IOException {
        writeValid(false, false);
        write(TRAIN_LABELS, labels(new byte[] {7, 0}), false);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TRAIN_LABELS, "2 labels for 3 images", TRAIN_IMAGES);
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 128, 255})
    void labelOutOfRange(int bad) throws IOException {
        writeValid(false, false);
        write(TEST_LABELS, labels(new byte[] {3, (byte) bad}), false);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TEST_LABELS, "label " + bad + " at index 1 is not in 0..9");
    }

    @Test
    void wrongDimensions() throws IOException {
        writeValid(false, false);
        write(TRAIN_IMAGES, images(2051, 3, 27, 28, pixelBytes(1, 3, 27, 28)), false);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TRAIN_IMAGES, "images are 27x28, expected 28x28");
    }

    @Test
    void wrongColumns() throws IOException {
        writeValid(true, true);
        write(TEST_IMAGES, images(2051, 2, 28, 32, pixelBytes(2, 2, 28, 32)), true);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TEST_IMAGES + ".gz", "images are 28x32, expected 28x28");
    }

    @Test
    void zeroCount() throws IOException {
        writeValid(false, false);
        write(TRAIN_IMAGES, images(2051, 0, 28, 28, new byte[0]), false);
        DataException e = assertThrows(DataException.class, () -> MnistReader.read(dir));
        assertMessage(e, TRAIN_IMAGES, "header gives 0 items");
    }
}
