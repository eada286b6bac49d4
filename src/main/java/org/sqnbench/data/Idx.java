package org.sqnbench.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads whole data files into memory, gunzipping them when they start with the gzip magic bytes. */
final class Idx {
    private Idx() {
    }

    static byte[] readFile(Path file) {
        try {
            return maybeGunzip(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new DataException(file + ": file not found");
        } catch (IOException e) {
            throw new DataException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static byte[] readResource(String resource) {
        try (InputStream in = Idx.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DataException(resource + ": embedded resource missing from the jar");
            }
            return maybeGunzip(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new DataException(resource + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static byte[] maybeGunzip(String name, byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xff) != 0x1f || (bytes[1] & 0xff) != 0x8b) {
            return bytes;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (EOFException e) {
            throw new DataException(name + ": truncated gzip stream");
        } catch (ZipException e) {
            throw new DataException(name + ": corrupt gzip stream (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new DataException(name + ": cannot decompress (" + e.getMessage() + ")", e);
        }
    }

    /** Big-endian int at {@code offset}; the caller has checked the length. */
    static int int32(byte[] bytes, int offset) {
        return ByteBuffer.wrap(bytes, offset, 4).getInt();
    }
}
