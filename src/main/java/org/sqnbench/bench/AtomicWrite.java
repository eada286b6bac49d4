package org.sqnbench.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes a file all or nothing: into a temporary file beside it, then one atomic rename over the target. A reader
 * (or a study resumed after a kill) sees the old file or the new one, never half of one. The temporary file's name
 * starts with a dot and ends with {@value #SUFFIX}, so that {@link #removeLeftovers} can find the ones a killed JVM
 * left behind.
 */
final class AtomicWrite {
    static final String SUFFIX = ".tmp";

    /** Writes the file's bytes. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicWrite() {
    }

    static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        // not Files.createTempFile: its owner-only permissions would pass on to the results file
        Path temp = Files.createFile(dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + SUFFIX));
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
                content.writeTo(out);
            }
            // no fallback to a plain move: within one directory of a local file system the rename is atomic, and a
            // file system that cannot do it should fail loudly rather than risk a half-written result
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    static void write(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Deletes the temporary files of writes into {@code dir} that never finished (a JVM killed mid-write). */
    static void removeLeftovers(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(SUFFIX) && Files.isRegularFile(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
