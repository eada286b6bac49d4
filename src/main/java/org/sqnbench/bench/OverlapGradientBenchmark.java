package org.sqnbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What MB-LBFGS pays for one overlap gradient ∇F_{O_k} over l samples: in 'recompute' mode it needs two of these per
 * iteration, in 'reuse' mode the batch gradient is split into parts of l, b − 2l and l samples instead, and smaller
 * gemms are less efficient. l = overlap × batch (16 at the default 0.25 × 64).
 * Run: {@code java -jar target/benchmarks.jar OverlapGradient}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=8G"})
@State(Scope.Thread)
public class OverlapGradientBenchmark extends MinibatchGradient {
    @Param({"16", "32", "64"})
    public int overlapSize;

    @Override
    protected int samples() {
        return overlapSize;
    }

    @Benchmark
    public double overlapGradient() {
        return super.gradient();
    }
}
