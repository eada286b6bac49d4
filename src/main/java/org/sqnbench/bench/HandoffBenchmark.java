package org.sqnbench.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.sqnbench.optim.Blas;

/**
 * What a training step pays when an optimizer's vector call and the network's gradient take turns on the cores.
 * When the vector calls ran on OpenBLAS's own threads and the gradient on OpenMP's (oneDNN), each pool found the
 * other's threads still spinning, and a 2-thread CNN step paid 5.6 ms for it; {@link Blas} now keeps multi-threaded
 * vector calls on ND4J's ops, and this benchmark checks that the handoff stays near zero. {@code gradient} is one
 * batch gradient alone (as GradientFloor), {@code axpy} one θ ← θ + a·g over the network's n alone,
 * {@code axpyThenGradient} the two in turn, as SGD's step runs them; the handoff is the third minus the first two.
 * The cost model charges it once per change from vector calls to a gradient.
 * Run: {@code java -jar target/benchmarks.jar Handoff -p network=cnn}.
 */
public class HandoffBenchmark extends MinibatchGradient {
    /** Samples per gradient (its own name: a study's batchSize list for the gradient kernels must not multiply it). */
    @Param({"64"})
    public int gradientSamples;

    @Override
    protected int samples() {
        return gradientSamples;
    }

    @Benchmark
    public double gradient() {
        return super.gradient();
    }

    @Benchmark
    public INDArray axpy() {
        return step();
    }

    @Benchmark
    public double axpyThenGradient() {
        step();
        return super.gradient();
    }

    /** A tiny step along the gradient, so the parameters stay finite however many calls JMH makes. */
    private INDArray step() {
        INDArray theta = network().params();
        Blas.axpy(-1e-9, network().gradient(), theta);
        return theta;
    }
}
