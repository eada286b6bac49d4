package org.sqnbench.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.sqnbench.optim.InverseHessian;
import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.StudyNetwork;

/**
 * The compact inverse-Hessian product and pair update as a training step meets them: with no byte of the pair
 * matrix in any cache. Before every call a 256 MB buffer is read (not timed), which flushes the caches of this
 * 2-core share of the host. InverseHessian times the same calls back to back, so the MLP's 8.75 MB matrix (m = 10)
 * stays in the L3 between them; in training a gradient and the host's other tenants run in between, and the MLP's
 * MB-LBFGS epochs of the morning study of 2026-12-06 took 1.46–1.54× a floor that streams the matrix from memory at
 * the triad bandwidth. The cost model prices the product and the pair update with these times. Run:
 * {@code java -jar target/benchmarks.jar ColdPairs -p network=mlp}.
 */
public class ColdPairsBenchmark extends KernelBenchmark {
    /** Floats the eviction buffer holds: 256 MB, beyond any L3 an EPYC core shares. */
    static final long EVICT_FLOATS = 1L << 26;

    @Param({StudyNetwork.Names.MLP, StudyNetwork.Names.CNN})
    public String network;
    @Param({"5", "10"})
    public int memory;
    /** 0 picks the measured best per network (MLP 1, CNN 2). */
    @Param({"0"})
    public int threads;

    /** The warm kernels' state, full memory of the training form, set up as there. */
    private final InverseHessianBenchmark kernels = new InverseHessianBenchmark();
    private INDArray evictor;
    /** The eviction's sum, kept so that the read is not dropped. */
    double evicted;

    @Setup
    public void setUp() {
        kernels.network = network;
        kernels.memory = memory;
        kernels.form = Benchmarks.TRAINING_FORM;
        kernels.threads = threads;
        kernels.setUp();
        evictor = Nd4j.create(DataType.FLOAT, EVICT_FLOATS);
    }

    /** Read, not written: dirty lines left behind would be written back during the timed call. */
    @Setup(Level.Invocation)
    public void evict() {
        evicted = evictor.sumNumber().doubleValue();
    }

    @Benchmark
    public INDArray product() {
        return kernels.product();
    }

    @Benchmark
    public InverseHessian addPair() {
        return kernels.addPair();
    }
}
