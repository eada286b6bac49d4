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
import org.sqnbench.train.EpochResult;

/**
 * The source study's 15-epoch training curves: no warm-up, 15 measured epochs from a fresh model, one fork per
 * seed (the seed fixes initialisation and shuffles). Per epoch the JSON holds the time and, as auxiliary metrics,
 * train loss, test loss and accuracy, so one run gives loss and accuracy against epoch and against wall time.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar Convergence -p network=mlp}. Epoch 0 includes JIT warm-up;
 * per-epoch cost is better read from {@link EpochTimeBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Dorg.bytedeco.javacpp.maxbytes=10G",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=16G"})
@State(Scope.Thread)
public class ConvergenceBenchmark extends TrainingRun {
    @Param({"1", "2", "3"})
    public long seed;

    @Override
    protected long seed() {
        return seed;
    }

    @Benchmark
    public EpochResult epoch(EpochMetrics metrics) {
        return super.epoch(metrics);
    }
}
