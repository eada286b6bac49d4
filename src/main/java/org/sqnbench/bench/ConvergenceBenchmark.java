package org.sqnbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
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
@Warmup(iterations = 0)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = {ForkArgs.HEAP_6G, ForkArgs.NATIVE_10G, ForkArgs.PHYSICAL_16G, ForkArgs.VECTOR_API})
public class ConvergenceBenchmark extends TrainingRun {
    @Param({"1", "2", "3", "4", "5"})
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
