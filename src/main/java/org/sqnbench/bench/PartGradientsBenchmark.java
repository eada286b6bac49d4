package org.sqnbench.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.sqnbench.optim.MbLbfgs;

/**
 * What MB-LBFGS's batch gradient costs in the default 'reuse' mode: the gradient over b samples with the gradients
 * of its O_{k−1}, N_k and O_k parts (l, b − 2l and l samples, l = round(overlap·b)) kept apart, in one pass over
 * the batch ({@code Network.lossAndPartGradients}). Set against GradientFloor at the same batch size, the
 * difference is the price of keeping the parts apart: the weight gradients as three smaller products.
 * Run: {@code java -jar target/benchmarks.jar PartGradients -p batchSize=64,256 -p overlap=0.1,0.25}.
 */
public class PartGradientsBenchmark extends MinibatchGradient {
    @Param({"64"})
    public int batchSize;
    /** The overlap fraction r, as MB-LBFGS's parameter of that name. */
    @Param({"0.25"})
    public double overlap;

    private int[] ends;
    private INDArray[] parts;
    private final double[] losses = new double[3];

    @Override
    protected int samples() {
        return batchSize;
    }

    @Setup
    public void setUpParts() {
        int l = MbLbfgs.overlapSize(overlap, batchSize);
        ends = new int[]{l, batchSize - l, batchSize};
        long n = network().numParams();
        parts = new INDArray[]{Nd4j.create(network().dtype(), n), Nd4j.create(network().dtype(), n),
                Nd4j.create(network().dtype(), n)};
    }

    @Benchmark
    public double[] partGradients() {
        int start = nextStart();
        int[] at = {start + ends[0], start + ends[1], start + ends[2]};
        network().lossAndPartGradients(data(), order(), start, at, parts, losses);
        return losses;
    }
}
