package org.sqnbench.bench;

import java.util.concurrent.TimeUnit;
import org.nd4j.linalg.api.buffer.DataType;
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
import org.sqnbench.data.Dataset;
import org.sqnbench.data.Datasets;
import org.sqnbench.data.MinibatchPlan;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.Network;
import org.sqnbench.nn.NetworkKind;

/**
 * The gradient floor: how long ONE minibatch forward + backward pass takes (loss and the full flat gradient),
 * per network, batch size and thread count. An epoch of any optimizer cannot be faster than
 * (minibatches × this), so epoch times are read against it.
 *
 * <p>Each call takes the next minibatch of a shuffled pass over the embedded training data, so the inputs vary as
 * in training. Run alone with {@code java -jar target/benchmarks.jar GradientFloor}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Dorg.bytedeco.javacpp.maxbytes=8G", "-Dorg.bytedeco.javacpp.maxphysicalbytes=14G"})
@State(Scope.Benchmark)
public class GradientFloorBenchmark {
    @Param({"mlp", "cnn"})
    public String network;
    @Param({"64"})
    public int batchSize;
    @Param({"1", "2"})
    public int threads;
    @Param({"1"})
    public long seed;

    private Network net;
    private Dataset data;
    private MinibatchPlan plan;
    private int k;

    @Setup
    public void setup() {
        Backend.init(threads);
        NetworkKind kind = NetworkKind.parse(network);
        data = Datasets.load(Datasets.EMBEDDED, kind.format()).train();
        net = kind.create(DataType.FLOAT, seed);
        plan = MinibatchPlan.shuffled(data.size(), batchSize, seed);
    }

    @Benchmark
    public double gradient() {
        int start = plan.start(k);
        k = (k + 1) % plan.iterations();
        return net.lossAndGradient(data, plan.order(), start, start + batchSize);
    }
}
