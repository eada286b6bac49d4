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
 * Steady-state time of one training epoch per network and optimizer: each measured iteration is one whole epoch
 * (SingleShotTime), after warm-up epochs that let the JIT and ND4J settle, in two forks so that fork-to-fork
 * variation shows in the error. Loss, accuracy and sample-gradient counts ride along as auxiliary metrics.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar EpochTime -p network=mlp}. The per-epoch times are what the
 * verdict on "MB-LBFGS costs about 20% more" is computed from.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
// a small fixed young generation: the residentMB metric then shows native growth, not garbage filling a large one
@Fork(value = 2, jvmArgsAppend = {"-Xmx6g", "-Xmn16m", "-Dorg.bytedeco.javacpp.maxbytes=10G",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=16G"})
@State(Scope.Thread)
public class EpochTimeBenchmark extends TrainingRun {
    @Param({"1"})
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
