package org.sqnbench.data;

import java.nio.file.Path;

/**
 * Reads CIFAR-10's binary version: data_batch_1.bin … data_batch_5.bin (training) and test_batch.bin, each a
 * sequence of 3,073-byte records (one label byte, then 1,024 red, 1,024 green and 1,024 blue pixels).
 */
public final class CifarReader {
    static final int SIDE = 32;
    static final int CHANNELS = 3;
    static final int RECORD = 1 + CHANNELS * SIDE * SIDE;
    static final String[] TRAIN_FILES = {"data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin"};
    static final String TEST_FILE = "test_batch.bin";
    static final String[] FILES = {TRAIN_FILES[0], TRAIN_FILES[1], TRAIN_FILES[2], TRAIN_FILES[3], TRAIN_FILES[4], TEST_FILE};

    private CifarReader() {
    }

    public static DataSplit read(Path dir) {
        byte[][] train = new byte[TRAIN_FILES.length][];
        for (int i = 0; i < train.length; i++) {
            train[i] = records(dir.resolve(TRAIN_FILES[i]));
        }
        Dataset test = parse("test", records(dir.resolve(TEST_FILE)));
        return new DataSplit(parse("train", train), test, "CIFAR-10 binary files in " + dir, false);
    }

    private static byte[] records(Path file) {
        byte[] bytes = Idx.readFile(file);
        if (bytes.length == 0 || bytes.length % RECORD != 0) {
            throw new DataException(file + ": wrong record size, " + bytes.length
                    + " bytes is not a whole number of " + RECORD + "-byte records");
        }
        for (int r = 0; r < bytes.length / RECORD; r++) {
            int label = bytes[r * RECORD] & 0xff;
            if (label >= Dataset.CLASSES) {
                throw new DataException(file + ": label " + label + " in record " + r + " is not in 0..9");
            }
        }
        return bytes;
    }

    private static Dataset parse(String name, byte[]... files) {
        int n = 0;
        for (byte[] f : files) {
            n += f.length / RECORD;
        }
        int features = RECORD - 1;
        float[] x = new float[n * features];
        byte[] y = new byte[n];
        int i = 0;
        for (byte[] f : files) {
            for (int r = 0; r < f.length / RECORD; r++, i++) {
                y[i] = f[r * RECORD];
                for (int j = 0; j < features; j++) {
                    x[i * features + j] = (f[r * RECORD + 1 + j] & 0xff) / 255f;
                }
            }
        }
        return new Dataset(name, CHANNELS, SIDE, SIDE, x, y);
    }
}
