package org.sqnbench.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.sqnbench.data.Dataset;
import org.sqnbench.data.Datasets;
import org.sqnbench.data.MinibatchPlan;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.Network;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.study.StudyNetwork;

/**
 * One forward + backward pass over a batch of embedded training samples, the next batch of a shuffled pass at each
 * call so the inputs vary as in training. Subclasses name the batch size parameter after what it stands for.
 */
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkArgs.HEAP_4G, ForkArgs.NATIVE_8G, ForkArgs.VECTOR_API})
public abstract class MinibatchGradient extends KernelBenchmark {
    @Param({StudyNetwork.Names.MLP, StudyNetwork.Names.CNN})
    public String network;
    /** ND4J threads; 0 picks the measured best per network (MLP 1, CNN 2). */
    @Param({"0"})
    public int threads;

    private Network net;
    private Dataset data;
    private MinibatchPlan plan;
    private int k;

    /** Samples per gradient. */
    protected abstract int samples();

    @Setup
    public void setUp() {
        NetworkKind kind = NetworkKind.parse(network);
        Backend.init(TrainingRun.threadsFor(kind, threads));
        data = Datasets.load(Datasets.EMBEDDED, kind.format()).train();
        net = kind.create(DataType.FLOAT, 1);
        plan = MinibatchPlan.shuffled(data.size(), samples(), 1);
    }

    /** The network whose gradient is computed (its parameter and gradient vectors). */
    protected Network network() {
        return net;
    }

    protected double gradient() {
        int start = nextStart();
        return net.lossAndGradient(data, plan.order(), start, start + samples());
    }

    /** The start of the next batch of the shuffled pass, in {@link #order()}. */
    protected int nextStart() {
        int start = plan.start(k);
        k = (k + 1) % plan.iterations();
        return start;
    }

    protected Dataset data() {
        return data;
    }

    protected int[] order() {
        return plan.order();
    }
}
