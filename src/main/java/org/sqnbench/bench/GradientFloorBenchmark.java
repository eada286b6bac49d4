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
 * The gradient floor: how long ONE minibatch forward + backward pass takes (loss and the full flat gradient), per
 * network, batch size and thread count. An epoch of any optimizer cannot be faster than (minibatches × this), so
 * epoch times are read against it. Run: {@code java -jar target/benchmarks.jar GradientFloor -p threads=1,2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=8G"})
@State(Scope.Thread)
public class GradientFloorBenchmark extends MinibatchGradient {
    @Param({"64"})
    public int batchSize;

    @Override
    protected int samples() {
        return batchSize;
    }

    @Benchmark
    public double gradient() {
        return super.gradient();
    }
}
