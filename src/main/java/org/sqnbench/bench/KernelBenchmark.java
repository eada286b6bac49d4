package org.sqnbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the hot-kernel and calibration benchmarks share: average time per call in ms, 3 warm-up and 5 measured
 * iterations of 1 s, one fork with a 2 GB heap and 4 GB of native memory. JMH's annotations are inherited, so a
 * benchmark states only what it does differently.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {ForkArgs.HEAP_2G, ForkArgs.NATIVE_4G, ForkArgs.VECTOR_API})
@State(Scope.Thread)
public abstract class KernelBenchmark {
}
