package org.sqnbench.bench;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.optim.SgdBb;
import org.sqnbench.study.StudyNetwork;
import org.sqnbench.study.Traffic;

/**
 * SGD-BB's end-of-epoch work at each network's n: s = Δθ/T, y = Δĝ and η = ‖s‖²/|sᵀy| (its traffic model:
 * {@link Traffic#BB_STEP_PASSES} n-vector passes),
 * paid once per epoch, so its share of an epoch is this over the epoch time.
 * Run: {@code java -jar target/benchmarks.jar BbStep}.
 */
public class BbStepBenchmark extends KernelBenchmark {
    @Param({StudyNetwork.Names.MLP, StudyNetwork.Names.CNN})
    public String network;
    /** 0 picks the measured best per network (MLP 1, CNN 2). */
    @Param({"0"})
    public int threads;

    private INDArray[] v;

    @Setup
    public void setUp() {
        NetworkKind kind = NetworkKind.parse(network);
        Backend.init(TrainingRun.threadsFor(kind, threads));
        Nd4j.getRandom().setSeed(1);
        v = new INDArray[6];
        for (int i = 0; i < v.length; i++) {
            v[i] = Nd4j.randn(DataType.FLOAT, kind.params());
        }
    }

    @Benchmark
    public double bbStep() {
        return SgdBb.barzilaiBorwein(v[0], v[1], v[2], v[3], 125, v[4], v[5]);
    }
}
