package org.sqnbench.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.sqnbench.data.DataSplit;
import org.sqnbench.data.Dataset;
import org.sqnbench.data.MinibatchPlan;
import org.sqnbench.nn.Evaluation;
import org.sqnbench.nn.Network;
import org.sqnbench.optim.Objective;
import org.sqnbench.optim.Optimizer;

/**
 * Trains a network epoch by epoch: seeded shuffle → minibatch plan → optimizer steps. Evaluation on the test set
 * is a separate call and never part of an epoch's time. Same seed and thread count give the same trajectory.
 */
public final class Trainer {
    private final Network network;
    private final DataSplit data;
    private final Optimizer optimizer;
    private final int batchSize;
    private final long seed;
    private final Objective objective;
    private int epoch;

    public Trainer(Network network, DataSplit data, Optimizer optimizer, int batchSize, long seed) {
        this.network = network;
        this.data = data;
        this.optimizer = optimizer;
        this.batchSize = batchSize;
        this.seed = seed;
        Dataset train = data.train();
        this.objective = new Objective() {
            @Override
            public INDArray params() {
                return network.params();
            }

            @Override
            public double lossAndGradient(int[] order, int from, int to, INDArray gradOut) {
                return network.lossAndGradient(train, order, from, to, gradOut);
            }

            @Override
            public void lossAndPartGradients(int[] order, int from, int[] ends, INDArray[] gradOuts, double[] losses) {
                network.lossAndPartGradients(train, order, from, ends, gradOuts, losses);
            }
        };
    }

    /** Runs the next epoch; a NaN or infinite loss or parameter throws {@link DivergedException}. */
    public EpochResult epoch() {
        int e = epoch++;
        MinibatchPlan plan = optimizer.plan(data.train().size(), batchSize, seed * 1_000_003L + e);
        long gradientsBefore = optimizer.sampleGradients();
        long skippedBefore = optimizer.skippedPairs();
        long dampedBefore = optimizer.dampedPairs();
        long heldBefore = optimizer.pairsHeldSum();
        double lossSum = 0;
        long start = System.nanoTime();
        for (int k = 0; k < plan.iterations(); k++) {
            double loss = optimizer.step(objective, plan, k);
            if (!Double.isFinite(loss)) {
                throw new DivergedException(e, k, "loss " + loss);
            }
            lossSum += loss;
        }
        optimizer.endEpoch();
        long nanos = System.nanoTime() - start;
        // one pass over θ per epoch: the next loss would show a non-finite parameter, but the last step's would not
        if (!Double.isFinite(network.params().sumNumber().doubleValue())) {
            throw new DivergedException(e, plan.iterations() - 1, "non-finite parameter");
        }
        return new EpochResult(e, lossSum / plan.iterations(), nanos, plan.iterations(),
                optimizer.sampleGradients() - gradientsBefore, optimizer.skippedPairs() - skippedBefore,
                optimizer.dampedPairs() - dampedBefore,
                (double) (optimizer.pairsHeldSum() - heldBefore) / plan.iterations());
    }

    /** Loss and accuracy on the test set. */
    public Evaluation evaluate() {
        return network.evaluate(data.test());
    }

    public int epochsDone() {
        return epoch;
    }

    public Network network() {
        return network;
    }
}
