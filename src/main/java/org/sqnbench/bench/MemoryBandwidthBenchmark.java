package org.sqnbench.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.sqnbench.nn.Backend;
import org.sqnbench.optim.Blas;
import org.sqnbench.study.Traffic;

/**
 * Memory bandwidth, STREAM-triad style: y ← y + a·x (the optimizers' own axpy, {@link Blas#axpy}) over two vectors of {@value #LENGTH} floats
 * (128 MiB each, far beyond the caches): 12 bytes move per element, 402.7 MB per call. The report turns the time
 * into GB/s and uses it as the limit the optimizers' vector work and the L-BFGS product are compared with.
 * Run: {@code java -jar target/benchmarks.jar MemoryBandwidth -p threads=1,2}.
 */
@Fork(value = 1, jvmArgsAppend = {ForkArgs.HEAP_1G, ForkArgs.NATIVE_4G})
public class MemoryBandwidthBenchmark extends KernelBenchmark {
    public static final int LENGTH = Traffic.TRIAD_LENGTH;

    @Param({"1", "2"})
    public int threads;

    private INDArray x;
    private INDArray y;

    @Setup
    public void setUp() {
        Backend.init(threads);
        x = Nd4j.rand(DataType.FLOAT, LENGTH);
        y = Nd4j.rand(DataType.FLOAT, LENGTH);
    }

    @Benchmark
    public INDArray triad() {
        Blas.axpy(1e-7, x, y);
        return y;
    }
}
