package org.sqnbench.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.sqnbench.report.analysis.OverheadModel;
import org.sqnbench.report.results.BadInputException;
import org.sqnbench.study.ChartId;

/**
 * Where a report is written, all or nothing: files go to a fresh staging directory beside the target and move into
 * place only once every one of them was written, so a failure leaves the previous report untouched. Charts an
 * earlier report wrote that this one does not are removed, so the directory never mixes two runs.
 */
final class OutputDirectory implements AutoCloseable {
    /** The written report's file name. */
    static final String REPORT = "report.md";

    private final Path target;
    private final Path staging;

    private OutputDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Checks that {@code target} can be written and makes the staging directory beside it. */
    static OutputDirectory open(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new BadInputException(target + ": exists and is not a directory");
        }
        if (Files.isDirectory(absolute) && !Files.isWritable(absolute)) {
            throw new BadInputException(target + ": directory is not writable");
        }
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
            return new OutputDirectory(absolute, Files.createTempDirectory(parent, ".sqnbench-report-"));
        } catch (IOException | UnsupportedOperationException e) {
            throw new BadInputException(target + ": cannot write there (" + e.getMessage() + ")");
        }
    }

    /** Where to write the files before {@link #publish()}. */
    Path staging() {
        return staging;
    }

    /** Moves everything written into the target directory. */
    void publish() throws IOException {
        if (!Files.exists(target)) {
            move(staging, target);
            return;
        }
        Set<String> written = new HashSet<>();
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : files.toList()) {
                written.add(f.getFileName().toString());
                move(f, target.resolve(f.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(target)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (ours(name) && !written.contains(name)) {
                    Files.delete(f);
                }
            }
        }
    }

    /** Whether a file is one the report writes: only these are ever replaced or removed in the target. */
    static boolean ours(String fileName) {
        return fileName.equals(REPORT) || fileName.equals(OverheadModel.CSV_FILE) || ChartId.isChartFile(fileName);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes the staging directory if anything is left in it. */
    @Override
    public void close() {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a leftover hidden staging directory is not worth failing a finished report for
        }
    }
}
