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
 * A fixed 512×512×512 single-precision matrix product (2·512³ = 268 MFLOP) into a preallocated result: a
 * yardstick of the machine's compute speed. The regression check divides each epoch time by this kernel's time from
 * the same run, so a faster or slower machine does not read as a code change.
 * Run: {@code java -jar target/benchmarks.jar Calibration}.
 */
@Fork(value = 1, jvmArgsAppend = {ForkArgs.HEAP_1G, ForkArgs.VECTOR_API})
public class CalibrationBenchmark extends KernelBenchmark {
    public static final int SIZE = Traffic.SGEMM_SIZE;

    @Param({"1"})
    public int threads;

    private INDArray a;
    private INDArray b;
    private INDArray c;

    @Setup
    public void setUp() {
        Backend.init(threads);
        Backend.openBlasThreads(threads);
        Nd4j.getRandom().setSeed(1);
        a = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
        b = Nd4j.rand(DataType.FLOAT, SIZE, SIZE);
        c = Nd4j.create(DataType.FLOAT, SIZE, SIZE);
    }

    @Benchmark
    public INDArray sgemm() {
        return Nd4j.gemm(a, b, c, false, false, 1.0, 0.0);
    }
}
