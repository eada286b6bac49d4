package org.sqnbench.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.data.MinibatchPlan;

/** A method that needs one minibatch gradient per step: θ ← update(θ, g). */
public abstract class FirstOrderOptimizer extends Optimizer {
    private final INDArray gradient;

    protected FirstOrderOptimizer(long n, DataType dtype) {
        this.gradient = Nd4j.create(dtype, n);
    }

    @Override
    public final double step(Objective f, MinibatchPlan plan, int k) {
        int from = plan.start(k);
        double loss = f.lossAndGradient(plan.order(), from, from + plan.batchSize(), gradient);
        countSampleGradients(plan.batchSize());
        update(f.params(), gradient);
        return loss;
    }

    /** Applies one step to {@code theta} given the minibatch gradient {@code g}, in place. */
    public abstract void update(INDArray theta, INDArray g);

    /** A vector of the optimizer's size and type, for state allocated once in constructors. */
    protected final INDArray newState() {
        return Nd4j.create(gradient.dataType(), gradient.length());
    }
}
