package org.sqnbench.optim;

import java.util.Locale;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.data.MinibatchPlan;

/**
 * Multi-Batch L-BFGS (Berahas, Nocedal and Takáč 2016, "A Multi-Batch L-BFGS Method for Machine Learning").
 * Consecutive batches overlap: S_k = O_{k−1} ∪ N_k ∪ O_k with |O_k| = l = round(r·batch). Each iteration
 * θ_{k+1} = θ_k − η H_k ∇F_{S_k}(θ_k), and the curvature pair is s_k = θ_{k+1} − θ_k,
 * y_k = ∇F_{O_k}(θ_{k+1}) − ∇F_{O_k}(θ_k), measured on the overlap only so that the gradient difference is not
 * swamped by the change of batch. A pair with s_kᵀy_k ≤ ε‖s_k‖² is skipped (and counted). H_k is the L-BFGS
 * matrix of the last m pairs with H_0 = γI ({@link InverseHessian}).
 *
 * <p>The two overlap gradients come one of two ways ({@link OverlapGradient}); both give the same iterates up to
 * rounding. Pairs are not formed across epochs (the next epoch reshuffles, so O_k of the last batch is not part of
 * the next batch); the memory itself carries over.
 */
public final class MbLbfgs extends Optimizer {
    /** How ∇F_{O_k}(θ_k) and ∇F_{O_k}(θ_{k+1}) are obtained. */
    public enum OverlapGradient {
        /** The batch gradient is computed in its O_{k−1}, N_k, O_k parts, which are reused: no extra work. */
        REUSE,
        /** Two extra passes over O_k per iteration, at θ_k and θ_{k+1}: 2l more sample-gradients. */
        RECOMPUTE;

        public static OverlapGradient parse(String name) {
            for (OverlapGradient g : values()) {
                if (g.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return g;
                }
            }
            throw new IllegalArgumentException("unknown overlapGradient '" + name + "', expected reuse or recompute");
        }
    }

    /** Step size η. */
    public final double learningRate;
    /** Memory m: curvature pairs kept. */
    public final int memory;
    /** Overlap fraction r = |O_k| / batch size. */
    public final double overlap;
    /** Curvature threshold ε of the skip rule sᵀy ≤ ε‖s‖². */
    public final double curvatureEpsilon;
    public final OverlapGradient overlapGradient;
    /** When true an epoch is n/batch iterations; by default every sample enters once as new data. */
    public final boolean fixedIterations;

    private final InverseHessian hessian;
    private final INDArray gradient;
    private final INDArray s;
    private final INDArray y;
    private final INDArray firstOverlap;
    private final INDArray lastOverlap;
    private long skipped;

    public MbLbfgs(long n, DataType dtype, double learningRate, int memory, double overlap, double curvatureEpsilon,
                   OverlapGradient overlapGradient, InverseHessian.Form form, boolean fixedIterations) {
        if (!(overlap > 0 && overlap < 0.5)) {
            throw new IllegalArgumentException("overlap must be in (0, 0.5), got " + overlap);
        }
        this.learningRate = learningRate;
        this.memory = memory;
        this.overlap = overlap;
        this.curvatureEpsilon = curvatureEpsilon;
        this.overlapGradient = overlapGradient;
        this.fixedIterations = fixedIterations;
        this.hessian = new InverseHessian(memory, n, dtype, form);
        this.s = Nd4j.create(dtype, n);
        this.y = Nd4j.create(dtype, n);
        this.gradient = Nd4j.create(dtype, n);
        this.firstOverlap = Nd4j.create(dtype, n);
        this.lastOverlap = Nd4j.create(dtype, n);
    }

    @Override
    public String name() {
        return "mb-lbfgs";
    }

    /** Overlap size l for a batch size. */
    public int overlapSize(int batchSize) {
        int l = (int) Math.round(overlap * batchSize);
        if (l < 1 || 2 * l >= batchSize) {
            throw new IllegalArgumentException("overlap " + overlap + " of batch " + batchSize + " gives " + l
                    + " shared samples; need 1 <= l < batch/2");
        }
        return l;
    }

    @Override
    public MinibatchPlan plan(int trainSize, int batchSize, long seed) {
        return MinibatchPlan.overlapping(trainSize, batchSize, overlapSize(batchSize), fixedIterations, seed);
    }

    @Override
    public double step(Objective f, MinibatchPlan plan, int k) {
        int b = plan.batchSize();
        int l = plan.overlap();
        int start = plan.start(k);
        int[] order = plan.order();
        boolean pairAfterStep = k + 1 < plan.iterations();
        double loss;
        if (overlapGradient == OverlapGradient.REUSE) {
            // firstOverlap ← ∇F_{O_{k−1}}(θ_k) while lastOverlap still holds step k−1's ∇F_{O_{k−1}}(θ_{k−1})
            double lossFirst = f.lossAndGradient(order, start, start + l, firstOverlap);
            // the N_k part goes straight into the batch gradient, which is completed in place below
            double lossNew = f.lossAndGradient(order, start + l, start + b - l, gradient);
            if (k > 0) {
                y.assign(firstOverlap);
                Blas.axpy(-1, lastOverlap, y);
                offerPair();
            }
            double lossLast = f.lossAndGradient(order, start + b - l, start + b, lastOverlap);
            countSampleGradients(b);
            Blas.scal((double) (b - 2 * l) / b, gradient);
            Blas.axpy((double) l / b, firstOverlap, gradient);
            Blas.axpy((double) l / b, lastOverlap, gradient);
            loss = (l * lossFirst + (b - 2 * l) * lossNew + l * lossLast) / b;
            takeStep(f.params());
        } else {
            loss = f.lossAndGradient(order, start, start + b, gradient);
            countSampleGradients(b);
            if (pairAfterStep) {
                f.lossAndGradient(order, start + b - l, start + b, lastOverlap);
                countSampleGradients(l);
            }
            takeStep(f.params());
            if (pairAfterStep) {
                f.lossAndGradient(order, start + b - l, start + b, y);
                countSampleGradients(l);
                Blas.axpy(-1, lastOverlap, y);
                offerPair();
            }
        }
        return loss;
    }

    /** θ ← θ − η H g, remembering s = −η H g. */
    private void takeStep(INDArray theta) {
        hessian.apply(gradient, s, -learningRate);
        Blas.axpy(1, s, theta);
    }

    /** Adds (s, y) to the memory unless the curvature condition fails. */
    private void offerPair() {
        double sy = Blas.dot(s, y);
        if (!(sy > curvatureEpsilon * Blas.dot(s, s))) {
            skipped++;
        } else {
            hessian.add(s, y);
        }
    }

    @Override
    public long skippedPairs() {
        return skipped;
    }

    /** Pairs currently in memory. */
    public int pairs() {
        return hessian.size();
    }
}
