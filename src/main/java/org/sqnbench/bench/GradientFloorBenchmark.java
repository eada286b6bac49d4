package org.sqnbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * The gradient floor: how long ONE minibatch forward + backward pass takes (loss and the full flat gradient), per
 * network, batch size and thread count. An epoch of any optimizer cannot be faster than (minibatches × this), so
 * epoch times are read against it. Run: {@code java -jar target/benchmarks.jar GradientFloor -p threads=1,2}.
 */
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
