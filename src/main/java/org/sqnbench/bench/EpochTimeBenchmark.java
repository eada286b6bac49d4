package org.sqnbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;
import org.sqnbench.train.EpochResult;

/**
 * Time of one training epoch per network and optimizer: each measured iteration is one whole epoch
 * (SingleShotTime), after warm-up epochs that let the JIT and ND4J settle. A replicate is one fork with its own
 * seed (initialisation and shuffles): five of them, so that the report's intervals come from independent runs;
 * the measured epochs of a fork are repeated measures of it, whose mean is the replicate's value and whose trend
 * the report shows. Loss, accuracy and sample-gradient counts ride along as auxiliary metrics.
 *
 * <p>Run: {@code java -jar target/benchmarks.jar EpochTime -p network=mlp}. The per-epoch times are what the
 * verdict on "MB-LBFGS costs about 20% more" is computed from.
 */
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {ForkArgs.HEAP_6G, ForkArgs.YOUNG_GENERATION, ForkArgs.NATIVE_10G, ForkArgs.PHYSICAL_16G, ForkArgs.VECTOR_API})
public class EpochTimeBenchmark extends TrainingRun {
    /** One fork per seed: the replicates. */
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
