package org.sqnbench.report.results;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSyntaxException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads JMH JSON result files (what {@code -rf json} writes) into {@link JmhResult}s, and pools several files.
 * Only org.sqnbench benchmarks are kept; a file with none of them is refused, since it is almost certainly the
 * output of another suite. Times are converted to ms/op.
 */
public final class JmhResults {
    /** Benchmarks of this suite start with this. */
    public static final String SUITE_PREFIX = "org.sqnbench.";
    private static final TypeAdapter<JsonElement> ELEMENT = new Gson().getAdapter(JsonElement.class);

    /**
     * Results pooled from one or more files.
     *
     * @param results one per benchmark and parameter set
     * @param notes   things a reader of the report should know (results of other suites that were left out)
     */
    public record Loaded(List<JmhResult> results, List<String> notes) {
    }

    private JmhResults() {
    }

    /**
     * Reads every file and pools them. A benchmark with the same parameters in two places is pooled (its forks
     * appended) when JMH ran it the same way, and refused otherwise: the numbers would not be comparable.
     */
    public static Loaded readAll(List<Path> files) {
        if (files.isEmpty()) {
            throw new BadInputException("no result files given");
        }
        Map<String, JmhResult> byKey = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Path file : files) {
            List<JmhResult> all = parse(file);
            List<JmhResult> ours = all.stream().filter(r -> r.benchmark().startsWith(SUITE_PREFIX)).toList();
            if (ours.isEmpty()) {
                throw new BadInputException(file + ": no " + SUITE_PREFIX + "* benchmark results"
                        + " (JSON from another suite?)");
            }
            if (ours.size() < all.size()) {
                notes.add(file.getFileName() + ": " + (all.size() - ours.size())
                        + " results of other benchmark suites were left out");
            }
            for (JmhResult r : ours) {
                byKey.merge(r.key(), r, JmhResults::pool);
            }
        }
        return new Loaded(List.copyOf(byKey.values()), notes);
    }

    private static JmhResult pool(JmhResult a, JmhResult b) {
        List<String> diff = a.settings().differences(b.settings());
        if (!diff.isEmpty()) {
            throw new BadInputException(a.shortName() + " {" + a.paramText() + "} was run differently in "
                    + a.files().get(a.files().size() - 1) + " and " + b.files().get(0) + " (" + String.join("; ", diff)
                    + "): not pooled");
        }
        if (!a.mode().equals(b.mode())) {
            throw new BadInputException(a.shortName() + " {" + a.paramText() + "} has mode " + a.mode() + " in "
                    + a.files().get(0) + " and " + b.mode() + " in " + b.files().get(0) + ": not pooled");
        }
        return a.pooledWith(b);
    }

    /** Every result of one file; every problem is a {@link BadInputException} naming the file. */
    private static List<JmhResult> parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        JsonElement root;
        try (JsonReader in = new JsonReader(Files.newBufferedReader(file, StandardCharsets.UTF_8))) {
            // strict: lenient parsing would take a stray word or an HTML page for a JSON string
            in.setStrictness(Strictness.STRICT);
            root = ELEMENT.read(in);
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw new JsonSyntaxException("more text after the JSON value");
            }
        } catch (MalformedJsonException | EOFException e) {
            throw new BadInputException(file + ": not JSON (" + syntaxProblem(e) + ")");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getMessage() + ")");
        } catch (JsonParseException e) {
            throw new BadInputException(file + ": not JSON (" + syntaxProblem(e) + ")");
        }
        if (!root.isJsonArray()) {
            throw new BadInputException(file + ": not a JMH JSON result array");
        }
        JsonArray array = root.getAsJsonArray();
        if (array.isEmpty()) {
            throw new BadInputException(file + ": holds no benchmark results");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            try {
                results.add(result(file, array.get(i)));
            } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException | NullPointerException e) {
                throw new BadInputException(file + ": result " + (i + 1) + " is not a JMH result ("
                        + firstLine(e) + ")");
            }
        }
        return results;
    }

    private static JmhResult result(Path file, JsonElement element) {
        JsonObject o = element.getAsJsonObject();
        String benchmark = required(o, "benchmark").getAsString();
        SortedMap<String, String> params = new TreeMap<>();
        if (o.has("params")) {
            o.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
        }
        List<String> jvmArgs = new ArrayList<>();
        if (o.has("jvmArgs")) {
            o.getAsJsonArray("jvmArgs").forEach(a -> jvmArgs.add(a.getAsString()));
        }
        RunSettings settings = new RunSettings(text(o, "jmhVersion"), text(o, "jvm"), text(o, "jdkVersion"),
                text(o, "vmName"), text(o, "vmVersion"), jvmArgs, integer(o, "forks"), integer(o, "threads"),
                integer(o, "warmupIterations"), text(o, "warmupTime"), integer(o, "measurementIterations"),
                text(o, "measurementTime"));
        String mode = text(o, "mode");
        Metric primary = metric(required(o, "primaryMetric").getAsJsonObject(), true, benchmark);
        Map<String, Metric> secondary = new LinkedHashMap<>();
        if (o.has("secondaryMetrics")) {
            for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("secondaryMetrics").entrySet()) {
                secondary.put(e.getKey(), metric(e.getValue().getAsJsonObject(), false, benchmark));
            }
        }
        return new JmhResult(List.of(file), benchmark, mode, params, settings, primary, secondary);
    }

    private static Metric metric(JsonObject m, boolean time, String benchmark) {
        String unit = text(m, "scoreUnit");
        double scale = time ? toMillis(unit, benchmark) : 1;
        List<double[]> raw = new ArrayList<>();
        for (JsonElement fork : required(m, "rawData").getAsJsonArray()) {
            JsonArray values = fork.getAsJsonArray();
            double[] v = new double[values.size()];
            for (int i = 0; i < v.length; i++) {
                // JMH writes non-finite numbers as strings ("NaN"); getAsDouble parses those too
                v[i] = values.get(i).getAsDouble() * scale;
            }
            raw.add(v);
        }
        return new Metric(raw);
    }

    private static double toMillis(String unit, String benchmark) {
        return switch (unit) {
            case "ns/op" -> 1e-6;
            case "us/op" -> 1e-3;
            case "ms/op" -> 1;
            case "s/op" -> 1e3;
            default -> throw new IllegalStateException(benchmark + " has unit '" + unit
                    + "'; the report reads time per operation (avgt or ss modes)");
        };
    }

    private static JsonElement required(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalStateException("no '" + name + "'");
        }
        return e;
    }

    private static String text(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }

    private static int integer(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? 0 : e.getAsInt();
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }

    /** Where the JSON breaks, without Gson's advice to parse leniently (which the reader must not do). */
    private static String syntaxProblem(Exception e) {
        String m = firstLine(e);
        int at = m.indexOf(" at line ");
        return m.startsWith("Use JsonReader.setStrictness") && at >= 0 ? "malformed" + m.substring(at) : m;
    }
}
