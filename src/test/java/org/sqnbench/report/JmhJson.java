package org.sqnbench.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds JMH JSON result files for tests, field for field as JMH 1.37 writes them (compare epochs.json and
 * kernels.json), with exactly the numbers a test needs.
 */
public final class JmhJson {
    private final JsonArray results = new JsonArray();

    /** An EpochTimeBenchmark result: times[fork][epoch] in ms, no divergence, the given sample-gradients per epoch. */
    public JmhJson epochTime(String network, String optimizer, int batch, double sampleGradients, double[]... times) {
        return epoch("EpochTimeBenchmark", params(network, optimizer, batch, "1"), times, sampleGradients, null);
    }

    /** An epoch result with a divergence flag per fork and epoch. */
    public JmhJson epoch(String benchmarkClass, Map<String, String> params, double[][] times, double sampleGradients,
                  double[][] diverged) {
        JsonObject r = base("org.sqnbench.bench." + benchmarkClass + ".epoch", "ss", params, times.length,
                times[0].length, "single-shot");
        r.add("primaryMetric", metric(times, "ms/op"));
        JsonObject secondary = new JsonObject();
        double[][] div = diverged != null ? diverged : fill(times, 0);
        secondary.add("diverged", metric(div, "#"));
        secondary.add("sampleGradients", metric(fill(times, sampleGradients), "#"));
        secondary.add("skippedPairs", metric(fill(times, 0), "#"));
        secondary.add("testAccuracy", metric(fill(times, 0.9), "#"));
        secondary.add("testLoss", metric(fill(times, 0.3), "#"));
        secondary.add("threads", metric(fill(times, 1), "#"));
        secondary.add("trainLoss", metric(fill(times, 0.25), "#"));
        r.add("secondaryMetrics", secondary);
        results.add(r);
        return this;
    }

    /**
     * A ConvergenceBenchmark result for one seed: the given per-epoch train loss and test accuracy, 100 ms and 1,000
     * sample-gradients per epoch.
     */
    public JmhJson convergence(String network, String optimizer, long seed, double[] trainLoss, double[] testAccuracy) {
        double[] times = new double[trainLoss.length];
        java.util.Arrays.fill(times, 100);
        epoch("ConvergenceBenchmark", params(network, optimizer, 64, String.valueOf(seed)), new double[][] {times},
                1000, null);
        JsonObject secondary = results.get(results.size() - 1).getAsJsonObject().getAsJsonObject("secondaryMetrics");
        secondary.add("trainLoss", metric(new double[][] {trainLoss}, "#"));
        secondary.add("testAccuracy", metric(new double[][] {testAccuracy}, "#"));
        return this;
    }

    /** An average-time kernel result, one fork with the given iteration times in ms. */
    public JmhJson kernel(String shortName, Map<String, String> params, double... iterations) {
        JsonObject r = base("org.sqnbench.bench." + shortName, "avgt", params, 1, iterations.length, "1 s");
        r.add("primaryMetric", metric(new double[][] {iterations}, "ms/op"));
        r.add("secondaryMetrics", new JsonObject());
        results.add(r);
        return this;
    }

    /** The calibration kernel with the given iteration times. */
    public JmhJson calibration(double... iterations) {
        return kernel("CalibrationBenchmark.sgemm", Map.of("threads", "1"), iterations);
    }

    /** Changes a top-level field of the last result added (e.g. measurementIterations). */
    public JmhJson withLast(String field, Object value) {
        JsonObject last = results.get(results.size() - 1).getAsJsonObject();
        if (value instanceof Number n) {
            last.addProperty(field, n);
        } else {
            last.addProperty(field, value.toString());
        }
        return this;
    }

    /** Sets a secondary metric of the last result added: values[fork][epoch]. */
    public JmhJson secondaryOfLast(String name, double[]... values) {
        results.get(results.size() - 1).getAsJsonObject().getAsJsonObject("secondaryMetrics")
                .add(name, metric(values, "#"));
        return this;
    }

    /** Changes the benchmark name of the last result added. */
    public JmhJson renameLast(String benchmark) {
        return withLast("benchmark", benchmark);
    }

    public Path write(Path dir, String name) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                    .create().toJson(results));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public static Map<String, String> params(String network, String optimizer, int batch, String seed) {
        Map<String, String> p = new TreeMap<>();
        p.put("batchSize", String.valueOf(batch));
        p.put("data", "embedded");
        p.put("learningRate", "0");
        p.put("memory", "10");
        p.put("network", network);
        p.put("optimizer", optimizer);
        p.put("overlap", "0.25");
        p.put("overlapGradient", "reuse");
        p.put("seed", seed);
        p.put("threads", "0");
        p.put("trainSize", "0");
        return p;
    }

    private static JsonObject base(String benchmark, String mode, Map<String, String> params, int forks,
                                   int iterations, String time) {
        JsonObject r = new JsonObject();
        r.addProperty("jmhVersion", "1.37");
        r.addProperty("benchmark", benchmark);
        r.addProperty("mode", mode);
        r.addProperty("threads", 1);
        r.addProperty("forks", forks);
        r.addProperty("jvm", "java");
        JsonArray args = new JsonArray();
        args.add("-Xmx2g");
        r.add("jvmArgs", args);
        r.addProperty("jdkVersion", "17.0.15");
        r.addProperty("vmName", "OpenJDK 64-Bit Server VM");
        r.addProperty("vmVersion", "17.0.15+6");
        r.addProperty("warmupIterations", 2);
        r.addProperty("warmupTime", time);
        r.addProperty("warmupBatchSize", 1);
        r.addProperty("measurementIterations", iterations);
        r.addProperty("measurementTime", time);
        r.addProperty("measurementBatchSize", 1);
        JsonObject p = new JsonObject();
        new LinkedHashMap<>(params).forEach(p::addProperty);
        r.add("params", p);
        return r;
    }

    private static JsonObject metric(double[][] raw, String unit) {
        JsonObject m = new JsonObject();
        double mean = Arrays.stream(raw).flatMapToDouble(Arrays::stream).average().orElse(Double.NaN);
        m.addProperty("score", mean);
        // JMH writes an undefined error as the string "NaN"
        m.addProperty("scoreError", "NaN");
        m.addProperty("scoreUnit", unit);
        JsonArray forks = new JsonArray();
        for (double[] fork : raw) {
            JsonArray values = new JsonArray();
            Arrays.stream(fork).forEach(values::add);
            forks.add(values);
        }
        m.add("rawData", forks);
        return m;
    }

    private static double[][] fill(double[][] shape, double value) {
        double[][] v = new double[shape.length][];
        for (int i = 0; i < shape.length; i++) {
            v[i] = new double[shape[i].length];
            Arrays.fill(v[i], value);
        }
        return v;
    }

    /** Each value times a factor. */
    public static double[] scaled(double factor, double... values) {
        return Arrays.stream(values).map(v -> v * factor).toArray();
    }
}
