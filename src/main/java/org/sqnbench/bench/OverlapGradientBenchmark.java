package org.sqnbench.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * What MB-LBFGS pays for one overlap gradient ∇F_{O_k} over l samples in 'recompute' mode, which needs two of these
 * per iteration (the default 'reuse' mode's batch gradient in parts is PartGradients). l = overlap × batch (16 at
 * the default 0.25 × 64).
 * Run: {@code java -jar target/benchmarks.jar OverlapGradient}.
 */
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
