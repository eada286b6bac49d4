package org.sqnbench.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.sqnbench.data.MinibatchPlan;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.optim.MbLbfgs;
import org.sqnbench.optim.Objective;
import org.sqnbench.optim.Optimizers;
import org.sqnbench.study.Method;
import org.sqnbench.study.StudyNetwork;

/**
 * MB-LBFGS's own vector work per step, apart from its gradient, product and pair update: one {@code MbLbfgs.step}
 * at each network's n with the defaults, on an objective whose gradients cost nothing (they are left as they are:
 * zero), so that the memory stays empty and every offered pair is skipped. What is timed is then the step's other
 * library calls as training makes them (the pair's difference and dot products, the batch gradient from its parts,
 * the product with no pairs, θ ← θ + s), with their dispatch costs, which a count of vector passes at the triad
 * bandwidth leaves out. The cost model charges this per step, and the product's and pair update's kernels for the
 * pairs held and kept. Run: {@code java -jar target/benchmarks.jar MbLbfgsStep}.
 */
public class MbLbfgsStepBenchmark extends KernelBenchmark {
    @Param({StudyNetwork.Names.MLP, StudyNetwork.Names.CNN})
    public String network;
    /** 0 picks the measured best per network (MLP 1, CNN 2). */
    @Param({"0"})
    public int threads;

    /** A plan long enough that the steps timed are never an epoch's first (which offers no pair). */
    private static final int PLAN_SAMPLES = 64_000;

    private MbLbfgs optimizer;
    private MinibatchPlan plan;
    private Objective free;
    private int k;

    @Setup
    public void setUp() {
        NetworkKind kind = NetworkKind.parse(network);
        Backend.init(TrainingRun.threadsFor(kind, threads));
        long n = kind.params();
        optimizer = (MbLbfgs) Optimizers.create(Method.Names.MB_LBFGS, kind, n, DataType.FLOAT,
                Optimizers.Settings.DEFAULT);
        plan = optimizer.plan(PLAN_SAMPLES, 64, 1);
        INDArray theta = Nd4j.create(DataType.FLOAT, n);
        free = new Objective() {
            @Override
            public INDArray params() {
                return theta;
            }

            @Override
            public double lossAndGradient(int[] order, int from, int to, INDArray gradOut) {
                return 0;
            }

            @Override
            public void lossAndPartGradients(int[] order, int from, int[] ends, INDArray[] gradOuts, double[] losses) {
            }
        };
    }

    @Benchmark
    public double step() {
        // steps 1 .. iterations − 2: each offers a pair, as all but an epoch's first do
        k = k % (plan.iterations() - 2) + 1;
        return optimizer.step(free, plan, k);
    }

    /** Pairs held: the benchmark's premise is that there are none. */
    int pairs() {
        return optimizer.pairs();
    }
}
