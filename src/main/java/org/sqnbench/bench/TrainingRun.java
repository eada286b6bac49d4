package org.sqnbench.bench;

import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sqnbench.data.DataSplit;
import org.sqnbench.data.Datasets;
import org.sqnbench.nn.Backend;
import org.sqnbench.nn.Evaluation;
import org.sqnbench.nn.Network;
import org.sqnbench.nn.NetworkKind;
import org.sqnbench.optim.InverseHessian;
import org.sqnbench.optim.MbLbfgs;
import org.sqnbench.optim.Optimizer;
import org.sqnbench.optim.Optimizers;
import org.sqnbench.optim.SgdBb;
import org.sqnbench.study.Method;
import org.sqnbench.study.StudyNetwork;
import org.sqnbench.train.DivergedException;
import org.sqnbench.train.EpochResult;
import org.sqnbench.train.Trainer;

/**
 * A model and optimizer trained one epoch per JMH iteration, state carried over, so iteration i is epoch i of
 * the fork. The parameters are the study's grid; subclasses fix the seed grid and the iteration counts.
 * After each epoch the test set is evaluated in an iteration tear-down, outside the measured time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public abstract class TrainingRun {
    @Param({StudyNetwork.Names.MLP, StudyNetwork.Names.CNN})
    public String network;
    @Param({Method.Names.SGD, Method.Names.MOMENTUM, Method.Names.ADAM, Method.Names.SGD_BB, Method.Names.MB_LBFGS})
    public String optimizer;
    @Param({"64"})
    public int batchSize;
    /** ND4J threads; 0 picks the measured best per network (MLP 1, CNN 2). */
    @Param({"0"})
    public int threads;
    /** 'embedded' (MNIST subset / synthetic CIFAR-shaped) or a directory of MNIST or CIFAR-10 files. */
    @Param({"embedded"})
    public String data;
    /** Training samples used (a prefix of the training set); 0 = all. */
    @Param({"0"})
    public int trainSize;
    /** Step size; 0 = the default for the optimizer and network. */
    @Param({"0"})
    public double learningRate;
    /** MB-LBFGS memory m. */
    @Param({"" + Method.DEFAULT_MEMORY})
    public int memory;
    /** MB-LBFGS overlap fraction r. */
    @Param({"" + Method.DEFAULT_OVERLAP})
    public double overlap;
    /** MB-LBFGS epoch: pass (every sample enters once as new data) or iterations (n/batch steps); others ignore it. */
    @Param({Method.DEFAULT_EPOCH_FORM})
    public String epochForm;
    /** MB-LBFGS overlap gradients: reuse or recompute. */
    @Param({Method.DEFAULT_OVERLAP_GRADIENT})
    public String overlapGradient;
    /** MB-LBFGS curvature safeguard: damp (Powell), skip (sᵀy ≤ ε·sᵀBs) or skip-norm (sᵀy ≤ ε‖s‖²). */
    @Param({Method.DEFAULT_CURVATURE})
    public String curvature;
    /** ε of the curvature safeguard; 0 = the rule's default (damp 0.2, skip 0.01, skip-norm η/η_SGD). */
    @Param({"0"})
    public double curvatureEpsilon;
    /** SGD-BB step: k (the paper's smoothing, φ(k) = k) or none (the raw BB step of the source slides). */
    @Param({Method.DEFAULT_BB_SMOOTHING})
    public String bbSmoothing;
    /** SGD-BB's cap on its step; 0 = the network's default, Infinity = none. */
    @Param({"0"})
    public double bbMaxStep;

    private Trainer trainer;
    private boolean diverged;
    /** The metrics of the running iteration (JMH allows their injection into the benchmark method only). */
    private EpochMetrics metrics;

    protected abstract long seed();

    /** The thread count a {@code threads} value stands for, 0 the network's default ({@link StudyNetwork#threads}). */
    static int threadsFor(NetworkKind kind, int requested) {
        return kind.study().threads(requested);
    }

    @Setup(Level.Trial)
    public void setUp() {
        NetworkKind kind = NetworkKind.parse(network);
        Backend.init(threadsFor(kind, threads));
        DataSplit split = Datasets.load(data, kind.format()).withTrainSize(trainSize);
        Network net = kind.create(DataType.FLOAT, seed());
        Optimizers.Settings settings = new Optimizers.Settings(learningRate, memory, overlap,
                MbLbfgs.OverlapGradient.parse(overlapGradient), InverseHessian.Form.COMPACT,
                MbLbfgs.EpochForm.parse(epochForm) == MbLbfgs.EpochForm.ITERATIONS,
                MbLbfgs.CurvatureRule.parse(curvature), curvatureEpsilon, SgdBb.Smoothing.parse(bbSmoothing), bbMaxStep);
        Optimizer opt = Optimizers.create(optimizer, kind, net.numParams(), DataType.FLOAT, settings);
        trainer = new Trainer(net, split, opt, batchSize, seed());
    }

    /** One epoch, or nothing once training has diverged (the metrics then say so). */
    protected EpochResult epoch(EpochMetrics m) {
        metrics = m;
        m.threads = Backend.threads();
        if (diverged) {
            m.diverged = 1;
            return null;
        }
        try {
            EpochResult r = trainer.epoch();
            m.trainLoss = r.trainLoss();
            m.sampleGradients = r.sampleGradients();
            m.skippedPairs = r.skippedPairs();
            m.dampedPairs = r.dampedPairs();
            m.pairsHeld = r.pairsHeld();
            // read after the epoch: whether memory grows per step shows as a trend across epochs
            m.offHeapMB = Pointer.totalBytes() / 1e6;
            m.residentMB = Pointer.physicalBytes() / 1e6;
            return r;
        } catch (DivergedException e) {
            System.out.println("# " + optimizer + " on " + network + ": " + e.getMessage());
            diverged = true;
            m.diverged = 1;
            return null;
        }
    }

    @TearDown(Level.Iteration)
    public void evaluate() {
        if (!diverged && metrics != null) {
            Evaluation e = trainer.evaluate();
            metrics.testLoss = e.loss();
            metrics.testAccuracy = e.accuracy();
        }
    }
}
