package org.sqnbench.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.optim.InverseHessian;
import org.sqnbench.study.StudyNetwork;

/**
 * What the L-BFGS memory costs per MB-LBFGS iteration at each network's n: {@code product} is H·g (two-loop
 * recursion or compact form over m pairs), {@code addPair} stores a new pair over the oldest (the compact form also
 * updates SᵀY and YᵀY there). Both are memory-bound: the two-loop product moves about 10·m·n floats, the compact
 * product about 4·m·n plus 2·m·n in addPair; the report sets them against the measured memory bandwidth.
 * Run: {@code java -jar target/benchmarks.jar InverseHessian -p network=cnn -p memory=10}.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {ForkArgs.HEAP_2G, ForkArgs.NATIVE_8G, ForkArgs.VECTOR_API})
public class InverseHessianBenchmark extends KernelBenchmark {
    @Param({StudyNetwork.Names.MLP, StudyNetwork.Names.CNN})
    public String network;
    @Param({"5", "10", "20"})
    public int memory;
    @Param({"two-loop", "compact"})
    public String form;
    /** ND4J/OpenBLAS threads; 0 picks the measured best per network (MLP 1, CNN 2). */
    @Param({"0"})
    public int threads;

    private InverseHessian hessian;
    private INDArray g;
    private INDArray out;
    private INDArray s;
    private INDArray y;

    static InverseHessian.Form parseForm(String name) {
        return switch (name) {
            case "two-loop" -> InverseHessian.Form.TWO_LOOP;
            case "compact" -> InverseHessian.Form.COMPACT;
            default -> throw new IllegalArgumentException("unknown form '" + name + "', expected two-loop or compact");
        };
    }

    @Setup
    public void setUp() {
        NetworkKind kind = NetworkKind.parse(network);
        Backend.init(TrainingRun.threadsFor(kind, threads));
        long n = kind.params();
        Nd4j.getRandom().setSeed(1);
        hessian = new InverseHessian(memory, n, DataType.FLOAT, parseForm(form));
        // y = s + small noise keeps sᵀy > 0, as accepted pairs have; the memory starts full
        for (int i = 0; i < memory; i++) {
            INDArray si = Nd4j.randn(DataType.FLOAT, n);
            hessian.add(si, si.add(Nd4j.randn(DataType.FLOAT, n).muli(0.1)));
        }
        s = Nd4j.randn(DataType.FLOAT, n);
        y = s.add(Nd4j.randn(DataType.FLOAT, n).muli(0.1));
        g = Nd4j.randn(DataType.FLOAT, n);
        out = Nd4j.create(DataType.FLOAT, n);
    }

    @Benchmark
    public INDArray product() {
        hessian.apply(g, out);
        return out;
    }

    @Benchmark
    public InverseHessian addPair() {
        hessian.add(s, y);
        return hessian;
    }
}
