package org.sqnbench.bench;

import java.util.List;
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
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.optim.FirstOrderOptimizer;
import org.sqnbench.optim.Optimizers;

/**
 * One first-order update θ ← update(θ, g) at each network's n, apart from the gradient: what each method's own
 * vector work costs when its vectors are warm, to read beside what it adds to a training step (report, "What each
 * optimizer adds to SGD's step"). MB-LBFGS's update is the InverseHessian benchmark. Run:
 * {@code java -jar target/benchmarks.jar Update}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=4G"})
@State(Scope.Thread)
public class UpdateBenchmark {
    static final List<String> METHODS = List.of("sgd", "momentum", "adam", "sgd-bb");

    @Param({"mlp", "cnn"})
    public String network;
    /** The first-order methods (MB-LBFGS has no update apart from its gradient parts). */
    @Param({"sgd", "momentum", "adam", "sgd-bb"})
    public String method;
    /** 0 picks the measured best per network (MLP 1, CNN 2). */
    @Param({"0"})
    public int threads;

    private FirstOrderOptimizer update;
    private INDArray theta;
    private INDArray g;

    @Setup
    public void setUp() {
        NetworkKind kind = NetworkKind.parse(network);
        Backend.init(TrainingRun.threadsFor(kind, threads));
        update = (FirstOrderOptimizer) Optimizers.create(checkMethod(method), kind, kind.params(), DataType.FLOAT,
                Optimizers.Settings.DEFAULT);
        // SGD-BB's default β = 10/T comes from the epoch's plan: that of a batch-64 pass over 8,000 samples
        update.plan(8_000, 64, 1);
        Nd4j.getRandom().setSeed(1);
        theta = Nd4j.randn(DataType.FLOAT, kind.params());
        // small steps: θ stays finite however many calls JMH makes
        g = Nd4j.randn(DataType.FLOAT, kind.params()).muli(1e-6);
    }

    /** The method name if it is a first-order method, else an IllegalArgumentException naming the choices. */
    static String checkMethod(String name) {
        if (!METHODS.contains(name)) {
            throw new IllegalArgumentException("method: '" + name + "' is not one of " + String.join(", ", METHODS)
                    + " (MB-LBFGS's update is the InverseHessian benchmark)");
        }
        return name;
    }

    @Benchmark
    public INDArray update() {
        update.update(theta, g);
        return theta;
    }
}
