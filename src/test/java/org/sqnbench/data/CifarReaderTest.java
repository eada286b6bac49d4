package org.sqnbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CIFAR-10 binary batches built record by record in a temporary directory. */
class CifarReaderTest {
    static final int RECORD = 3073;
    static final int PLANE = 1024;
    static final String[] TRAIN = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
            "data_batch_5.bin"};
    static final String TEST = "test_batch.bin";
    /** Records per training file, in file order, then the test file's. */
    static final int[] RECORDS = {2, 1, 3, 1, 2};
    static final int TEST_RECORDS = 2;

    @TempDir
    Path dir;

    /** Label of global record {@code g} (train records numbered 0..8 across files, test records 100, 101). */
    static int label(int g) {
        return (g * 3 + 1) % 10;
    }

    /** Byte at channel {@code ch}, row {@code r}, column {@code c} of global record {@code g}. */
    static int pixel(int g, int ch, int r, int c) {
        return (g * 37 + ch * 71 + r * 5 + c * 13) & 0xff;
    }

    static byte[] record(int g) {
        byte[] b = new byte[RECORD];
        b[0] = (byte) label(g);
        for (int ch = 0; ch < 3; ch++) {
            for (int r = 0; r < 32; r++) {
                for (int c = 0; c < 32; c++) {
                    b[1 + ch * PLANE + r * 32 + c] = (byte) pixel(g, ch, r, c);
                }
            }
        }
        return b;
    }

    static byte[] records(int first, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int g = first; g < first + count; g++) {
            out.writeBytes(record(g));
        }
        return out.toByteArray();
    }

    void writeValid() throws IOException {
        int g = 0;
        for (int f = 0; f < TRAIN.length; f++) {
            Files.write(dir.resolve(TRAIN[f]), records(g, RECORDS[f]));
            g += RECORDS[f];
        }
        Files.write(dir.resolve(TEST), records(100, TEST_RECORDS));
    }

    static void assertMessage(DataException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }

    static void assertRecords(Dataset d, int first, int count) {
        assertEquals(count, d.size());
        assertEquals(3, d.channels());
        assertEquals(32, d.height());
        assertEquals(32, d.width());
        assertEquals(3072, d.features());
        float[] x = new float[3072];
        for (int i = 0; i < count; i++) {
            int g = first + i;
            assertEquals(label(g), d.label(i), "label of record " + g);
            d.copyPixels(i, x, 0);
            for (int ch = 0; ch < 3; ch++) {
                for (int r = 0; r < 32; r++) {
                    for (int c = 0; c < 32; c++) {
                        assertEquals(pixel(g, ch, r, c) / 255f, x[ch * PLANE + r * 32 + c],
                                "record " + g + " channel " + ch + " row " + r + " col " + c);
                    }
                }
            }
        }
    }

    @Test
    void roundTrip() throws IOException {
        writeValid();
        DataSplit split = CifarReader.read(dir);
        assertRecords(split.train(), 0, 9); // the five files concatenated in order 1..5
        assertRecords(split.test(), 100, TEST_RECORDS);
        assertFalse(split.synthetic());
        assertEquals("train", split.train().name());
        assertEquals("test", split.test().name());
        assertTrue(split.description().contains(dir.toString()));
        int[] expected = new int[10];
        for (int g = 0; g < 9; g++) {
            expected[label(g)]++;
        }
        assertEquals(Arrays.toString(expected), Arrays.toString(split.train().classCounts()));
    }

    @Test
    void channelMajorPlacementOfSingleMarkers() throws IOException {
        writeValid();
        // One record of zeros with three marked pixels: red (2,5), green (7,11), blue (31,31).
        byte[] rec = new byte[RECORD];
        rec[0] = 4;
        rec[1 + 2 * 32 + 5] = (byte) 250;
        rec[1 + PLANE + 7 * 32 + 11] = (byte) 251;
        rec[1 + 2 * PLANE + 31 * 32 + 31] = (byte) 255;
        Files.write(dir.resolve(TEST), rec);
        Dataset test = CifarReader.read(dir).test();
        assertEquals(1, test.size());
        assertEquals(4, test.label(0));
        float[] x = new float[3072];
        test.copyPixels(0, x, 0);
        assertEquals(250 / 255f, x[2 * 32 + 5]);
        assertEquals(251 / 255f, x[1024 + 7 * 32 + 11]);
        assertEquals(1f, x[2048 + 31 * 32 + 31]);
        int nonZero = 0;
        for (float v : x) {
            if (v != 0f) {
                nonZero++;
            }
        }
        assertEquals(3, nonZero);
    }

    @Test
    void throughDatasetsLoad() throws IOException {
        writeValid();
        DataSplit split = Datasets.load(dir.toString(), Datasets.Format.CIFAR);
        assertRecords(split.train(), 0, 9);
        assertRecords(split.test(), 100, TEST_RECORDS);
    }

    @Test
    void gzippedBatchIsReadToo() throws IOException {
        // Idx.readFile gunzips any file starting with the gzip magic, whatever its name.
        writeValid();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(records(100, TEST_RECORDS));
        }
        Files.write(dir.resolve(TEST), bytes.toByteArray());
        assertRecords(CifarReader.read(dir).test(), 100, TEST_RECORDS);
    }

    @Test
    void missingDirectory() {
        Path missing = dir.resolve("cifar-10-batches-bin");
        DataException e = assertThrows(DataException.class,
                () -> Datasets.load(missing.toString(), Datasets.Format.CIFAR));
        assertMessage(e, missing.toString(), "data directory not found", "CIFAR-10 .bin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"data_batch_1.bin", "data_batch_3.bin", "data_batch_5.bin", "test_batch.bin"})
    void missingFile(String name) throws IOException {
        writeValid();
        Files.delete(dir.resolve(name));
        DataException e = assertThrows(DataException.class, () -> CifarReader.read(dir));
        assertMessage(e, dir.resolve(name).toString(), "file not found");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 1, RECORD - 1})
    void lengthNotAMultipleOfTheRecord(int extra) throws IOException {
        writeValid();
        byte[] bytes = Arrays.copyOf(records(10, 2), 2 * RECORD + extra);
        Files.write(dir.resolve("data_batch_4.bin"), bytes);
        DataException e = assertThrows(DataException.class, () -> CifarReader.read(dir));
        assertMessage(e, "data_batch_4.bin", "wrong record size", (2 * RECORD + extra) + " bytes");
    }

    @Test
    void emptyFile() throws IOException {
        writeValid();
        Files.write(dir.resolve(TEST), new byte[0]);
        DataException e = assertThrows(DataException.class, () -> CifarReader.read(dir));
        assertMessage(e, TEST, "wrong record size", "0 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 200, 255})
    void labelOutOfRange(int bad) throws IOException {
        writeValid();
        byte[] bytes = records(10, 3);
        bytes[2 * RECORD] = (byte) bad;
        Files.write(dir.resolve("data_batch_2.bin"), bytes);
        DataException e = assertThrows(DataException.class, () -> CifarReader.read(dir));
        assertMessage(e, "data_batch_2.bin", "label " + bad + " in record 2 is not in 0..9");
    }
}
