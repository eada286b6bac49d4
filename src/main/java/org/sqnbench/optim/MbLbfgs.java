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
 * swamped by the change of batch. H_k is the L-BFGS matrix of the last m pairs with H_0 = γI ({@link InverseHessian}).
 *
 * <p>Each pair passes a curvature safeguard ({@link CurvatureRule}). With s = −ηH g_k the model's curvature along s
 * costs one dot product: Bs = −η g_k, so sᵀBs = −η sᵀg_k. The rules {@code skip} (sᵀy &gt; ε·sᵀBs) and {@code damp}
 * (Powell damping) are those of the authors' group's code (hjmshi/PyTorch-LBFGS, {@code curvature_update}); there
 * H_0's scale is taken from the undamped sᵀy, here from the stored (damped) pair, so that γ stays positive.
 *
 * <p>Ours: before the first pair is accepted H_0 = γ_0 I with γ_0 = {@code initialScale}, which the study sets so
 * that η·γ_0 is plain SGD's step on the network (the paper's γ = 1 gives a step of η, larger than SGD tolerates).
 *
 * <p>The two overlap gradients come one of two ways ({@link OverlapGradient}); both give the same iterates up to
 * rounding. Pairs are not formed across epochs (the next epoch reshuffles, so O_k of the last batch is not part of
 * the next batch); the memory itself carries over.
 */
public final class MbLbfgs extends Optimizer {
    /** How ∇F_{O_k}(θ_k) and ∇F_{O_k}(θ_{k+1}) are obtained. */
    public enum OverlapGradient {
        /**
         * The batch gradient is computed with its O_{k−1}, N_k, O_k parts' gradients kept apart, in one pass, and
         * they are reused: no extra sample-gradients.
         */
        REUSE,
        /** Two extra passes over O_k per iteration, at θ_k and θ_{k+1}: 2l more sample-gradients. */
        RECOMPUTE;

        public static OverlapGradient parse(String name) {
            return CliChoice.parse("overlapGradient", name, values(), g -> g.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * What one epoch is. {@code pass}: every sample enters once as new data, about n/((1 − r)·batch) steps, so
     * n/(1 − r) sample-gradients. {@code iterations}: n/batch steps, as for the other methods, which reach about
     * (1 − r)·n of the samples (the source's slides define an epoch this way in their SGD-BB section).
     */
    public enum EpochForm {
        PASS, ITERATIONS;

        public static EpochForm parse(String name) {
            return CliChoice.parse("epochForm", name, values(), f -> f.name().toLowerCase(Locale.ROOT));
        }
    }

    /** How a curvature pair that fails the curvature condition is treated. */
    public enum CurvatureRule {
        /** Powell damping when sᵀy &lt; ε·sᵀBs: y ← θy + (1−θ)Bs, θ = (1−ε)sᵀBs/(sᵀBs − sᵀy), so sᵀy = ε·sᵀBs. */
        DAMP("damp", 0.2),
        /** Skip the pair unless sᵀy &gt; ε·sᵀBs: curvature relative to the current model. */
        SKIP("skip", 1e-2),
        /** Skip the pair unless sᵀy &gt; ε‖s‖²: the paper's rule, an absolute curvature bound (its ε is ours). */
        SKIP_NORM("skip-norm", Double.NaN);

        public final String cliName;
        private final double codeEpsilon;

        CurvatureRule(String cliName, double codeEpsilon) {
            this.cliName = cliName;
            this.codeEpsilon = codeEpsilon;
        }

        /**
         * ε when none is given: 0.2 and 1e-2 as in the authors' group's code; for skip-norm, whose paper gives
         * none, ours: η/η_SGD, so that a kept pair has curvature at least η/η_SGD along s and H scales the step
         * along it to at most SGD's (the same ratio sets H_0 before the first pair).
         */
        public double defaultEpsilon(double stepOverSgdStep) {
            return this == SKIP_NORM ? stepOverSgdStep : codeEpsilon;
        }

        public static CurvatureRule parse(String name) {
            return CliChoice.parse("curvature", name, values(), r -> r.cliName);
        }
    }

    /** Step size η. */
    public final double learningRate;
    /** Memory m: curvature pairs kept. */
    public final int memory;
    /** Overlap fraction r = |O_k| / batch size. */
    public final double overlap;
    public final CurvatureRule curvatureRule;
    /** Threshold ε of {@link #curvatureRule}. */
    public final double curvatureEpsilon;
    public final OverlapGradient overlapGradient;
    /** When true an epoch is n/batch iterations; by default every sample enters once as new data. */
    public final boolean fixedIterations;

    private final InverseHessian hessian;
    private final INDArray gradient;
    private final INDArray s;
    private final INDArray y;
    private final INDArray firstOverlap;
    /** ∇F_{O_k} of the step before; with reuse, it and {@link #spareOverlap} swap every step. */
    private INDArray lastOverlap;
    private INDArray spareOverlap;
    /** With reuse, the N_k part's gradient. */
    private final INDArray newPart;
    private final double[] partLosses = new double[3];
    private long skipped;
    private long damped;
    private long heldSum;

    /**
     * @param curvatureEpsilon ε of the curvature rule, &gt; 0 ({@link CurvatureRule#defaultEpsilon})
     * @param initialScale     γ_0 of H_0 = γ_0 I until the first pair is accepted
     */
    public MbLbfgs(long n, DataType dtype, double learningRate, int memory, double overlap,
                   CurvatureRule curvatureRule, double curvatureEpsilon, double initialScale,
                   OverlapGradient overlapGradient, InverseHessian.Form form, boolean fixedIterations) {
        if (!(overlap > 0 && overlap < 0.5)) {
            throw new IllegalArgumentException("overlap must be in (0, 0.5), got " + overlap);
        }
        if (!(curvatureEpsilon > 0) || curvatureRule == CurvatureRule.DAMP && !(curvatureEpsilon < 1)) {
            throw new IllegalArgumentException("curvatureEpsilon must be > 0" + (curvatureRule == CurvatureRule.DAMP
                    ? " and below 1 for Powell damping, in (0, 1)" : "") + ", got " + curvatureEpsilon);
        }
        this.learningRate = learningRate;
        this.memory = memory;
        this.overlap = overlap;
        this.curvatureRule = curvatureRule;
        this.curvatureEpsilon = curvatureEpsilon;
        this.overlapGradient = overlapGradient;
        this.fixedIterations = fixedIterations;
        this.hessian = new InverseHessian(memory, n, dtype, form, initialScale);
        this.s = Nd4j.create(dtype, n);
        this.y = Nd4j.create(dtype, n);
        this.gradient = Nd4j.create(dtype, n);
        this.firstOverlap = Nd4j.create(dtype, n);
        this.lastOverlap = Nd4j.create(dtype, n);
        boolean reuse = overlapGradient == OverlapGradient.REUSE;
        this.spareOverlap = reuse ? Nd4j.create(dtype, n) : null;
        this.newPart = reuse ? Nd4j.create(dtype, n) : null;
    }

    @Override
    public String name() {
        return "mb-lbfgs";
    }

    /** Overlap size l for a batch size. */
    public int overlapSize(int batchSize) {
        return overlapSize(overlap, batchSize);
    }

    /** Overlap size l = round(r·b) for overlap fraction r and batch size b. */
    public static int overlapSize(double overlap, int batchSize) {
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
            // ∇F_{O_{k−1}}(θ_k), ∇F_{N_k}(θ_k) and ∇F_{O_k}(θ_k) in one pass over the batch; the last goes into the
            // spare vector, as lastOverlap still holds step k−1's ∇F_{O_{k−1}}(θ_{k−1}) for y
            f.lossAndPartGradients(order, start, new int[]{start + l, start + b - l, start + b},
                    new INDArray[]{firstOverlap, newPart, spareOverlap}, partLosses);
            countSampleGradients(b);
            if (k > 0) {
                // offered while the batch gradient still holds the g_{k−1} that Bs = −η g_{k−1} needs
                Blas.difference(firstOverlap, lastOverlap, y);
                offerPair();
            }
            INDArray previous = lastOverlap;
            lastOverlap = spareOverlap;
            spareOverlap = previous;
            // the batch gradient from its parts, weighted by their sizes (library calls: a Java loop over the
            // three vectors measured 3× slower on the MLP's cache-resident vectors and 1.4× on the CNN's)
            Blas.scaled((double) (b - 2 * l) / b, newPart, gradient);
            Blas.axpy((double) l / b, firstOverlap, gradient);
            Blas.axpy((double) l / b, lastOverlap, gradient);
            loss = (l * partLosses[0] + (b - 2 * l) * partLosses[1] + l * partLosses[2]) / b;
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
        heldSum += hessian.size();
        hessian.apply(gradient, s, -learningRate);
        Blas.axpy(1, s, theta);
    }

    /**
     * Offers (s, y) to the memory through the curvature rule; {@link #gradient} still holds the g_k of s = −ηH g_k.
     */
    private void offerPair() {
        double sy = Blas.dot(s, y);
        if (curvatureRule == CurvatureRule.SKIP_NORM) {
            keepOrSkip(sy > curvatureEpsilon * Blas.dot(s, s));
            return;
        }
        double sBs = -learningRate * Blas.dot(s, gradient);
        // sᵀy > 0 as well: ours, for the case that rounding has cost H its positive curvature along s (sᵀBs ≤ 0)
        boolean curved = sy > curvatureEpsilon * sBs && sy > 0;
        if (curved || curvatureRule == CurvatureRule.SKIP || !(sBs > 0)) {
            keepOrSkip(curved);
            return;
        }
        double theta = powellTheta(sy, sBs, curvatureEpsilon);
        Blas.scal(theta, y);
        Blas.axpy(-(1 - theta) * learningRate, gradient, y);
        damped++;
        hessian.add(s, y);
    }

    private void keepOrSkip(boolean keep) {
        if (keep) {
            hessian.add(s, y);
        } else {
            skipped++;
        }
    }

    /** Powell's θ = (1−ε)sᵀBs/(sᵀBs − sᵀy), for sᵀy &lt; ε·sᵀBs: the damped pair then has sᵀy = ε·sᵀBs. */
    static double powellTheta(double sy, double sBs, double epsilon) {
        return (1 - epsilon) * sBs / (sBs - sy);
    }

    /** Pairs damped so far (rule {@code damp}). */
    @Override
    public long dampedPairs() {
        return damped;
    }

    @Override
    public long skippedPairs() {
        return skipped;
    }

    @Override
    public long pairsHeldSum() {
        return heldSum;
    }

    /** Pairs currently in memory. */
    public int pairs() {
        return hessian.size();
    }
}
