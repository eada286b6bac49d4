package org.sqnbench.bench;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.sqnbench.nn.Backend;

/**
 * Memory bandwidth, STREAM-triad style: y ← y + a·x (OpenBLAS saxpy) over two vectors of {@value #LENGTH} floats
 * (128 MiB each, far beyond the caches): 12 bytes move per element, 402.7 MB per call. The report turns the time
 * into GB/s and uses it as the limit the optimizers' vector work and the L-BFGS product are compared with.
 * Run: {@code java -jar target/benchmarks.jar MemoryBandwidth -p threads=1,2}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.bytedeco.javacpp.maxbytes=4G"})
@State(Scope.Thread)
public class MemoryBandwidthBenchmark {
    public static final int LENGTH = 1 << 25;
    public static final long BYTES_PER_CALL = 12L * LENGTH;

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
        Nd4j.getBlasWrapper().level1().axpy(LENGTH, 1e-7, x, y);
        return y;
    }
}
