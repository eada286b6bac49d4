package org.sqnbench.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.sqnbench.nn.Backend;
import org.sqnbench.study.Traffic;

/**
 * Memory bandwidth, STREAM-triad style: y ← y + a·x (OpenBLAS's saxpy on this many threads) over two vectors of {@value #LENGTH} floats
 * (128 MiB each, far beyond the caches): 12 bytes move per element, 402.7 MB per call. The report turns the time
 * into GB/s and uses it as the limit the optimizers' vector work and the L-BFGS product are compared with.
 * Run: {@code java -jar target/benchmarks.jar MemoryBandwidth -p threads=1,2}.
 */
@Fork(value = 1, jvmArgsAppend = {ForkArgs.HEAP_1G, ForkArgs.NATIVE_4G, ForkArgs.VECTOR_API})
public class MemoryBandwidthBenchmark extends KernelBenchmark {
    public static final int LENGTH = Traffic.TRIAD_LENGTH;

    @Param({"1", "2"})
    public int threads;

    private INDArray x;
    private INDArray y;

    @Setup
    public void setUp() {
        Backend.init(threads);
        // the machine's limit: OpenBLAS streams at 89–114 GB/s on 2 threads here, ND4J's axpy op (the optimizers'
        // 2-thread path) measured about 62
        Backend.openBlasThreads(threads);
        x = Nd4j.rand(DataType.FLOAT, LENGTH);
        y = Nd4j.rand(DataType.FLOAT, LENGTH);
    }

    @Benchmark
    public INDArray triad() {
        Nd4j.getBlasWrapper().level1().axpy(LENGTH, 1e-7, x, y);
        return y;
    }
}
