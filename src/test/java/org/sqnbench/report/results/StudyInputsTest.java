package org.sqnbench.report.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study folder stands for its parts' result files, and each part it lacks is named with its settings. */
class StudyInputsTest {
    @TempDir
    Path dir;

    /** study.json as the study writes it, written out by hand: done, failed with some results, not run. */
    private Path study() throws IOException {
        Path study = Files.createDirectory(dir.resolve("2026-11-25T10-00-00"));
        Files.writeString(study.resolve("study.json"), """
                {
                  "format": 1,
                  "started": "2026-11-25T10:00",
                  "jmhOptions": ["-f", "1"],
                  "parts": [
                    {"part": {"title": "kernels", "include": "Calibration|BbStep", "params": {},
                              "shortKernelRuns": true},
                     "status": "done", "file": "part-1.json", "minutes": 2.5, "failures": []},
                    {"part": {"title": "epochs, MLP", "include": "EpochTime", "params": {"network": "mlp"},
                              "shortKernelRuns": false},
                     "status": "failed", "file": "part-2.json", "minutes": 1.0,
                     "failures": ["EpochTimeBenchmark.epoch {optimizer=adam}",
                                  "EpochTimeBenchmark.epoch {optimizer=sgd}"]},
                    {"part": {"title": "convergence, CNN", "include": "Convergence",
                              "params": {"trainSize": "5000", "network": "cnn"}, "shortKernelRuns": false},
                     "status": "not run", "file": null, "minutes": 0, "failures": []}
                  ]
                }
                """);
        return study;
    }

    @Test
    void aStudyFolderIsItsPartsFilesAndALineForEachPartItLacks() throws IOException {
        Path study = study();
        Path other = dir.resolve("other.json");
        StudyInputs.Expanded e = StudyInputs.expand(List.of(other, study));
        assertEquals(List.of(other, study.resolve("part-1.json"), study.resolve("part-2.json")), e.files());
        assertEquals(List.of(
                "2026-11-25T10-00-00: part 2 of 3 (epochs, MLP: EpochTime, network=mlp) is incomplete (failed: "
                        + "EpochTimeBenchmark.epoch {optimizer=adam}; EpochTimeBenchmark.epoch {optimizer=sgd})",
                "2026-11-25T10-00-00: part 3 of 3 (convergence, CNN: Convergence, network=cnn, trainSize=5000) is"
                        + " missing (not run)",
                "2026-11-25T10-00-00: the study added the JMH options '-f 1' to every part"), e.notes());
    }

    @Test
    void aFolderThatIsNotAStudyOrHasNoResultsIsOneClearError() throws IOException {
        Path plain = Files.createDirectory(dir.resolve("plain"));
        assertTrue(assertThrows(BadInputException.class, () -> StudyInputs.expand(List.of(plain))).getMessage()
                .endsWith("plain: a directory but not a study folder (no study.json)"));
        Path study = study();
        Files.writeString(study.resolve("study.json"), Files.readString(study.resolve("study.json"))
                .replace("\"file\": \"part-1.json\"", "\"file\": null")
                .replace("\"file\": \"part-2.json\"", "\"file\": null"));
        assertTrue(assertThrows(BadInputException.class, () -> StudyInputs.expand(List.of(study))).getMessage()
                .endsWith("no part of this study has results yet"));
        Files.writeString(study.resolve("study.json"), "{\"parts\": 3}");
        assertTrue(assertThrows(BadInputException.class, () -> StudyInputs.expand(List.of(study))).getMessage()
                .contains("study.json: not a study record"));
    }
}
