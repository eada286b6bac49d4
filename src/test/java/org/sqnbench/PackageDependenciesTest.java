package org.sqnbench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules the package-info files state, read from the sources' imports: the study's facts and the
 * report load no ND4J, and each report job depends only on the jobs before it.
 */
class PackageDependenciesTest {
    static final Path MAIN = Path.of("src/main/java/org/sqnbench");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    /** Package (path under org/sqnbench) → import prefixes it must not use. */
    static final Map<String, List<String>> FORBIDDEN = Map.of(
            "study", List.of("org.", "com."),
            "data", List.of("org.", "com."),
            "report/results", List.of("org.nd4j", "org.bytedeco", "org.sqnbench.nn", "org.sqnbench.report.analysis",
                    "org.sqnbench.report.text", "org.sqnbench.report.charts", "org.knowm"),
            "report/analysis", List.of("org.nd4j", "org.bytedeco", "org.sqnbench.nn", "org.sqnbench.report.text",
                    "org.sqnbench.report.charts", "org.knowm"),
            "report/text", List.of("org.nd4j", "org.bytedeco", "org.sqnbench.nn", "org.sqnbench.report.charts",
                    "org.knowm"),
            "report/charts", List.of("org.nd4j", "org.bytedeco", "org.sqnbench.nn"),
            "report", List.of("org.nd4j", "org.bytedeco", "org.sqnbench.nn", "org.sqnbench.bench"),
            "check", List.of("org.nd4j", "org.bytedeco", "org.sqnbench.nn", "org.knowm"));

    @Test
    void packagesImportOnlyWhatTheirRulesAllow() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
            try (Stream<Path> files = Files.list(MAIN.resolve(rule.getKey()))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = IMPORT.matcher(Files.readString(f));
                    while (m.find()) {
                        String imported = m.group(1);
                        // study may use the JDK only; data the JDK and itself
                        if (rule.getValue().stream().anyMatch(imported::startsWith)
                                && !imported.startsWith("org.sqnbench." + rule.getKey().replace('/', '.') + ".")) {
                            broken.add(f.getFileName() + " imports " + imported);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }
}
