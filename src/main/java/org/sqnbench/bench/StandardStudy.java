package org.sqnbench.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * What {@code java -jar benchmarks.jar} runs with no arguments: every benchmark class on both networks and all five
 * optimizers, in shards whose settings differ, merged into one JSON file. The CNN trains on the first 5,000
 * synthetic images, which keeps the whole study near 25 minutes on 2 cores (measured: 24); the README gives the
 * full-size command.
 */
public final class StandardStudy {
    /** CNN training samples in the standard study (of 10,000 synthetic). */
    public static final int CNN_TRAIN_SIZE = 5_000;

    record Shard(String title, String include, Map<String, String> params, boolean shortKernelRuns) {
    }

    static final List<Shard> SHARDS = List.of(
            new Shard("hot kernels and calibration",
                    "GradientFloor|OverlapGradient|InverseHessian|BbStep|Calibration|MemoryBandwidth", Map.of(), true),
            new Shard("per-epoch time, MLP", "EpochTime", Map.of("network", "mlp"), false),
            new Shard("per-epoch time, CNN", "EpochTime", Map.of("network", "cnn", "trainSize", "" + CNN_TRAIN_SIZE), false),
            new Shard("15-epoch convergence, MLP", "Convergence", Map.of("network", "mlp"), false),
            new Shard("15-epoch convergence, CNN", "Convergence",
                    Map.of("network", "cnn", "trainSize", "" + CNN_TRAIN_SIZE), false));

    private StandardStudy() {
    }

    /** Runs every shard and writes the merged results to {@code output}. */
    public static void run(Path output) throws RunnerException {
        List<Path> parts = new ArrayList<>();
        try {
            for (int i = 0; i < SHARDS.size(); i++) {
                Shard shard = SHARDS.get(i);
                System.out.printf("%n# sqnbench standard study, part %d of %d: %s%n", i + 1, SHARDS.size(), shard.title());
                Path part = Files.createTempFile("sqnbench-part", ".json");
                parts.add(part);
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .include("\\.(" + shard.include() + ")Benchmark\\.")
                        .resultFormat(ResultFormatType.JSON).result(part.toString());
                shard.params().forEach(options::param);
                if (shard.shortKernelRuns()) {
                    options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
                            .measurementIterations(3).measurementTime(TimeValue.seconds(1));
                }
                new Runner(options.build()).run();
            }
            Files.writeString(output, mergeJson(parts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (Path p : parts) {
                p.toFile().delete();
            }
        }
    }

    /** Concatenates JMH JSON result arrays. */
    static String mergeJson(List<Path> files) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (Path f : files) {
            String text = Files.readString(f).strip();
            if (!text.startsWith("[") || !text.endsWith("]")) {
                throw new IOException(f + ": not a JMH JSON result array");
            }
            String body = text.substring(1, text.length() - 1).strip();
            if (!body.isEmpty()) {
                bodies.add(body);
            }
        }
        return "[\n" + String.join(",\n", bodies) + "\n]\n";
    }
}
