package org.sqnbench.report.results;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sqnbench.study.Benchmarks;

/**
 * A study folder given to {@code report} in place of result files (what benchmarks.jar's standard study writes
 * under jmh-results/): the result files of its parts, and a line for each part that is missing or incomplete, so
 * that a stopped or partly failed study still gives a report that says what it lacks. Reads the fields it needs
 * of the folder's study.json: {@code jmhOptions}, and per part {@code part.title}, {@code part.include},
 * {@code part.params}, {@code status} ("done", "failed" or "not run"), {@code file} and {@code failures}.
 */
public final class StudyInputs {
    static final String MANIFEST = Benchmarks.STUDY_MANIFEST;

    /**
     * @param files result files: those given, and in place of each study folder its parts' files
     * @param notes for each study folder, its missing parts and the JMH options it added to every part
     */
    public record Expanded(List<Path> files, List<String> notes) {
    }

    private StudyInputs() {
    }

    public static Expanded expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                study(in, files, notes);
            } else {
                files.add(in);
            }
        }
        return new Expanded(files, notes);
    }

    private static void study(Path dir, List<Path> files, List<String> notes) {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new BadInputException(dir + ": a directory but not a study folder (no " + MANIFEST + ")");
        }
        int before = files.size();
        try {
            JsonObject study = JsonParser.parseString(Files.readString(manifest)).getAsJsonObject();
            List<String> options = new ArrayList<>();
            if (study.has("jmhOptions")) {
                study.getAsJsonArray("jmhOptions").forEach(o -> options.add(o.getAsString()));
            }
            List<JsonElement> parts = study.getAsJsonArray("parts").asList();
            for (int i = 0; i < parts.size(); i++) {
                JsonObject p = parts.get(i).getAsJsonObject();
                String status = p.get("status").getAsString();
                boolean hasFile = p.has("file") && !p.get("file").isJsonNull();
                if (hasFile) {
                    files.add(dir.resolve(p.get("file").getAsString()));
                }
                if (!status.equals("done")) {
                    List<String> failures = new ArrayList<>();
                    if (p.has("failures")) {
                        p.getAsJsonArray("failures").forEach(f -> failures.add(f.getAsString()));
                    }
                    notes.add(dir.getFileName() + ": part " + (i + 1) + " of " + parts.size() + " "
                            + describe(p.getAsJsonObject("part")) + " is " + (hasFile ? "incomplete" : "missing")
                            + " (" + status + (failures.isEmpty() ? "" : ": " + String.join("; ", failures)) + ")");
                }
            }
            if (!options.isEmpty()) {
                notes.add(dir.getFileName() + ": the study added the JMH options '" + String.join(" ", options)
                        + "' to every part");
            }
        } catch (IOException e) {
            throw new BadInputException(manifest + ": cannot read (" + e.getMessage() + ")");
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | ClassCastException
                 | NullPointerException e) {
            throw new BadInputException(manifest + ": not a study record (" + e.getMessage() + ")");
        }
        if (files.size() == before) {
            throw new BadInputException(dir + ": no part of this study has results yet");
        }
    }

    /** "(per-epoch time, CNN: EpochTime, network=cnn, trainSize=5000)". */
    private static String describe(JsonObject part) {
        StringBuilder b = new StringBuilder("(").append(part.get("title").getAsString()).append(": ")
                .append(part.get("include").getAsString());
        Map<String, String> params = new TreeMap<>();
        if (part.has("params")) {
            part.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
        }
        params.forEach((k, v) -> b.append(", ").append(k).append('=').append(v));
        return b.append(')').toString();
    }
}
