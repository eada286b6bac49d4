package org.sqnbench.bench;

import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.optim.FirstOrderOptimizer;
import org.sqnbench.optim.Optimizers;
import org.sqnbench.study.Method;
import org.sqnbench.study.StudyNetwork;

/**
 * One first-order update θ ← update(θ, g) at each network's n, apart from the gradient: what each method's own
 * vector work costs when its vectors are warm, to read beside what it adds to a training step (report, "What each
 * optimizer adds to SGD's step"). MB-LBFGS's update is the InverseHessian benchmark. Run:
 * {@code java -jar target/benchmarks.jar Update}.
 */
public class UpdateBenchmark extends KernelBenchmark {
    /** The first-order methods (MB-LBFGS has no update apart from its gradient parts). */
    static final List<String> METHODS = Arrays.stream(Method.values()).filter(m -> m != Method.MB_LBFGS)
            .map(Method::cliName).toList();

    @Param({StudyNetwork.Names.MLP, StudyNetwork.Names.CNN})
    public String network;
    /** One of {@link #METHODS}. */
    @Param({Method.Names.SGD, Method.Names.MOMENTUM, Method.Names.ADAM, Method.Names.SGD_BB})
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
