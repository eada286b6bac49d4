package org.sqnbench.bench;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.annotations.SerializedName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.sqnbench.study.Benchmarks;

/**
 * One run of the standard study on disk: a folder under jmh-results/ named by its start time, holding
 * {@value #MANIFEST} (the study's parts, the JMH options added to each, and what became of each part) and
 * part-N.json for each part that produced results, as JMH JSON that report and check read directly. Both are
 * written with {@link AtomicWrite}, so a study stopped at any moment leaves each file whole or absent. The parts and
 * options are read back from {@value #MANIFEST} on resume, so a resumed study runs as it was planned even if the
 * code's default study has changed since.
 */
final class StudyFolder {
    static final String MANIFEST = Benchmarks.STUDY_MANIFEST;
    static final int FORMAT = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    enum Status {
        @SerializedName("not run") NOT_RUN,
        @SerializedName("done") DONE,
        /** Ran, but some or all of its benchmarks failed; whatever finished is in its file. */
        @SerializedName("failed") FAILED
    }

    /**
     * A part and what became of it.
     *
     * @param file     its results file in the folder, or null when it produced none
     * @param minutes  how long it ran (0 when not run)
     * @param failures one line per benchmark or error that failed it
     */
    record PartState(StudyPart part, Status status, String file, double minutes, List<String> failures) {
        static PartState notRun(StudyPart part) {
            return new PartState(part, Status.NOT_RUN, null, 0, List.of());
        }
    }

    /** The contents of {@value #MANIFEST}. */
    record Manifest(int format, String started, List<String> jmhOptions, List<PartState> parts) {
    }

    private final Path dir;
    // read by the shutdown hook's thread
    private volatile Manifest manifest;

    private StudyFolder(Path dir, Manifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** A new study folder in {@code results}, every part not run yet. */
    static StudyFolder create(Path results, List<StudyPart> parts, List<String> jmhOptions, LocalDateTime now)
            throws IOException {
        return create(results, "", parts, jmhOptions, now);
    }

    /** A new study folder named after its start time, and {@code kind} when not empty ("...-conditions"). */
    static StudyFolder create(Path results, String kind, List<StudyPart> parts, List<String> jmhOptions, LocalDateTime now)
            throws IOException {
        Files.createDirectories(results);
        Path dir = results.resolve(now.format(Benchmarks.RUN_NAME) + (kind.isEmpty() ? "" : "-" + kind));
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException(dir + " already exists (two studies started in the same second?)");
        }
        StudyFolder folder = new StudyFolder(dir, new Manifest(FORMAT, now.toString(), List.copyOf(jmhOptions),
                parts.stream().map(PartState::notRun).toList()));
        folder.save();
        return folder;
    }

    /**
     * The most recent study in {@code results} with a part not done, by folder name (its start time); finished
     * studies are passed over. Leftover temporary files in it are removed.
     */
    static Optional<StudyFolder> latestUnfinished(Path results) throws IOException {
        if (!Files.isDirectory(results)) {
            return Optional.empty();
        }
        List<Path> studies;
        try (Stream<Path> dirs = Files.list(results)) {
            studies = dirs.filter(d -> Files.isRegularFile(d.resolve(MANIFEST)))
                    .sorted(Comparator.comparing((Path d) -> d.getFileName().toString()).reversed()).toList();
        }
        for (Path d : studies) {
            StudyFolder folder = open(d);
            if (!folder.missing().isEmpty()) {
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /** Reads a study folder; a leftover of a write that a killed JVM never finished is removed. */
    static StudyFolder open(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        Manifest m;
        try {
            m = GSON.fromJson(Files.readString(file), Manifest.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not a study record (" + e.getMessage() + ")");
        }
        if (m == null || m.format() != FORMAT || m.parts() == null || m.parts().isEmpty()
                || m.parts().stream().anyMatch(p -> p == null || p.part() == null || p.status() == null
                || p.part().include() == null)) {
            throw new IllegalArgumentException(file + ": not a study record of format " + FORMAT);
        }
        StudyFolder folder = new StudyFolder(dir, m);
        folder.removeLeftovers();
        return folder;
    }

    Path dir() {
        return dir;
    }

    List<PartState> parts() {
        return manifest.parts();
    }

    List<String> jmhOptions() {
        return manifest.jmhOptions() == null ? List.of() : manifest.jmhOptions();
    }

    /** Indices of the parts that are not done (never run, interrupted, or failed). */
    List<Integer> missing() {
        return IntStream.range(0, parts().size()).filter(i -> parts().get(i).status() != Status.DONE).boxed()
                .toList();
    }

    /**
     * Records what part {@code index} produced: its JMH JSON (null when nothing finished) goes to part-N.json, then
     * study.json says done or failed. A rerun of a part replaces its earlier file, so its results are never pooled
     * with themselves; a rerun that produced nothing keeps what an earlier attempt left.
     */
    void record(int index, String json, double minutes, List<String> failures) throws IOException {
        Path target = dir.resolve("part-" + (index + 1) + ".json");
        if (json != null) {
            AtomicWrite.write(target, json);
        }
        String file = Files.isRegularFile(target) ? target.getFileName().toString() : null;
        Status status = failures.isEmpty() ? Status.DONE : Status.FAILED;
        List<PartState> parts = new ArrayList<>(parts());
        parts.set(index, new PartState(parts.get(index).part(), status, file, minutes, List.copyOf(failures)));
        manifest = new Manifest(manifest.format(), manifest.started(), jmhOptions(), List.copyOf(parts));
        save();
    }

    /** Removes the temporary files of atomic writes that never finished. */
    void removeLeftovers() {
        try {
            AtomicWrite.removeLeftovers(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save() throws IOException {
        AtomicWrite.write(dir.resolve(MANIFEST), GSON.toJson(manifest) + "\n");
    }
}
