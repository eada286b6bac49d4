package org.sqnbench.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.data.MinibatchPlan;
import org.sqnbench.nn.Backend;

class MbLbfgsTest {
    @BeforeAll
    static void backend() {
        Backend.init(1);
    }

    static MbLbfgs lbfgs(int n, double eta, MbLbfgs.OverlapGradient mode, InverseHessian.Form form) {
        return new MbLbfgs(n, DataType.DOUBLE, eta, 5, 0.25, MbLbfgs.CurvatureRule.SKIP_NORM, 1e-8, 1, mode, form,
                false);
    }

    /** Runs epochs until the full gradient norm is below tol; returns the norm reached. */
    static double minimise(Optimizer opt, Objective f, int n, int batch, java.util.function.Supplier<Double> gradNorm) {
        for (int epoch = 0; epoch < 100 && gradNorm.get() > 1e-6; epoch++) {
            MinibatchPlan plan = opt.plan(n, batch, epoch);
            for (int k = 0; k < plan.iterations(); k++) {
                opt.step(f, plan, k);
            }
            opt.endEpoch();
        }
        return gradNorm.get();
    }

    @ParameterizedTest
    @EnumSource(InverseHessian.Form.class)
    void solvesAStronglyConvexQuadratic(InverseHessian.Form form) {
        int d = 10;
        Random rnd = new Random(1);
        double[][] a = new double[d][d];
        double[] b = new double[d];
        for (int i = 0; i < d; i++) {
            a[i][i] = 1 + 99.0 * i / (d - 1);  // eigenvalues 1..100: condition number 100
            b[i] = rnd.nextGaussian();
        }
        Quadratic q = new Quadratic(a, b, new double[d]);
        MbLbfgs opt = lbfgs(d, 1.0, MbLbfgs.OverlapGradient.REUSE, form);
        // every sample is the same function, so this is L-BFGS with unit steps on f (the first, a plain gradient
        // step of length 1, overshoots along the stiff axes; the exact curvature pairs then take over)
        double norm = minimise(opt, q, 64, 16, () -> q.gradientAt(q.theta.toDoubleVector()).getNorm());
        assertTrue(norm < 1e-5, "gradient norm " + norm);
    }

    @Test
    void solvesARegularisedLogisticRegression() {
        Logistic f = Logistic.random(200, 5, 1e-2, 7, true);
        MbLbfgs opt = lbfgs(5, 1.0, MbLbfgs.OverlapGradient.REUSE, InverseHessian.Form.TWO_LOOP);
        double norm = minimise(opt, f, 200, 40, f::fullGradientNorm);
        assertTrue(norm < 1e-5, "gradient norm " + norm);
    }

    @Test
    void reuseAndRecomputeGiveTheSameIterates() {
        Logistic f1 = Logistic.random(300, 6, 1e-3, 11, false);
        Logistic f2 = Logistic.random(300, 6, 1e-3, 11, false);
        MbLbfgs reuse = lbfgs(6, 0.5, MbLbfgs.OverlapGradient.REUSE, InverseHessian.Form.COMPACT);
        MbLbfgs recompute = lbfgs(6, 0.5, MbLbfgs.OverlapGradient.RECOMPUTE, InverseHessian.Form.COMPACT);
        long pairsFormed = 0;
        for (int epoch = 0; epoch < 3; epoch++) {
            MinibatchPlan plan = reuse.plan(300, 40, epoch);
            assertEquals(10, plan.overlap());
            assertEquals((300 - 10) / 30, plan.iterations());
            for (int k = 0; k < plan.iterations(); k++) {
                double l1 = reuse.step(f1, plan, k);
                double l2 = recompute.step(f2, plan, k);
                assertEquals(l2, l1, 1e-12);
                assertArrayEquals(f2.theta.toDoubleVector(), f1.theta.toDoubleVector(), 1e-10, "epoch " + epoch + " k " + k);
            }
            pairsFormed += plan.iterations() - 1;
        }
        assertTrue(reuse.pairs() > 0);
        assertEquals(reuse.skippedPairs(), recompute.skippedPairs());
        // reuse: batch samples only; recompute: 2l more for every pair formed
        assertEquals(3L * 9 * 40, reuse.sampleGradients());
        assertEquals(3L * 9 * 40 + 2 * 10 * pairsFormed, recompute.sampleGradients());
    }

    @Test
    void pairsHeldCountsTheMemoryInUseAtEachProduct() {
        // f(θ) = ½‖θ‖²: y = s, every pair passes; the pair of step k − 1 is stored before step k's product, so
        // step k uses min(k, m = 5) pairs: 0 + 1 + 2 + 3 + 4 + 5 + 5 + 5 = 25 over 8 steps
        Quadratic bowl = new Quadratic(new double[][]{{1, 0}, {0, 1}}, new double[2], new double[]{1, 2});
        MbLbfgs opt = lbfgs(2, 0.1, MbLbfgs.OverlapGradient.REUSE, InverseHessian.Form.TWO_LOOP);
        MinibatchPlan plan = opt.plan(80, 8, 0);
        for (int k = 0; k < 8; k++) {
            opt.step(bowl, plan, k);
        }
        assertEquals(0, opt.skippedPairs());
        assertEquals(25, opt.pairsHeldSum());
    }

    @Test
    void skipsAPairWithNegativeCurvature() {
        // f(θ) = −½‖θ‖²: y = −s, so sᵀy = −‖s‖² < 0
        Quadratic concave = new Quadratic(new double[][]{{-1, 0}, {0, -1}}, new double[2], new double[]{1, 2});
        MbLbfgs opt = lbfgs(2, 0.1, MbLbfgs.OverlapGradient.REUSE, InverseHessian.Form.TWO_LOOP);
        MinibatchPlan plan = opt.plan(40, 8, 0);
        for (int k = 0; k < 3; k++) {
            opt.step(concave, plan, k);
        }
        assertEquals(2, opt.skippedPairs());
        assertEquals(0, opt.pairs());
        assertEquals(0, opt.pairsHeldSum());
    }

    /**
     * f(θ) = −½‖θ‖² from θ0 = (1, 2), η = 0.1, H_0 = I. Step 0: g0 = (−1, −2), s = (0.1, 0.2), θ1 = (1.1, 2.2).
     * Step 1 offers the pair: y = −s, sᵀy = −0.05, Bs = −η g0 = (0.1, 0.2), sᵀBs = 0.05.
     */
    static MbLbfgs concaveTwoSteps(MbLbfgs.CurvatureRule rule, double epsilon, Quadratic concave) {
        MbLbfgs opt = new MbLbfgs(2, DataType.DOUBLE, 0.1, 5, 0.25, rule, epsilon, 1, MbLbfgs.OverlapGradient.REUSE,
                InverseHessian.Form.TWO_LOOP, false);
        MinibatchPlan plan = opt.plan(40, 8, 0);
        opt.step(concave, plan, 0);
        assertArrayEquals(new double[]{1.1, 2.2}, concave.theta.toDoubleVector(), 1e-12);
        opt.step(concave, plan, 1);
        return opt;
    }

    static Quadratic concave() {
        return new Quadratic(new double[][]{{-1, 0}, {0, -1}}, new double[2], new double[]{1, 2});
    }

    @Test
    void powellDampingStoresThePairWithCurvatureEpsilonTimesSBs() {
        // θ = (1−ε)sᵀBs/(sᵀBs − sᵀy) = 0.8·0.05/0.1 = 0.4; y' = 0.4·(−0.1, −0.2) + 0.6·(0.1, 0.2) = (0.02, 0.04),
        // sᵀy' = 0.01 = ε·sᵀBs. One pair: γ = sᵀy'/y'ᵀy' = 5 and H y' = s; y' = 0.2 s, so H s = 5 s.
        // g1 = −θ1 = −11 s, so the step is −η H g1 = 5.5 s = (0.55, 1.1) and θ2 = (1.65, 3.3).
        assertEquals(0.4, MbLbfgs.powellTheta(-0.05, 0.05, 0.2), 1e-15);
        Quadratic f = concave();
        MbLbfgs opt = concaveTwoSteps(MbLbfgs.CurvatureRule.DAMP, 0.2, f);
        assertEquals(1, opt.dampedPairs());
        assertEquals(0, opt.skippedPairs());
        assertEquals(1, opt.pairs());
        assertArrayEquals(new double[]{1.65, 3.3}, f.theta.toDoubleVector(), 1e-10);
    }

    @ParameterizedTest
    @EnumSource(value = MbLbfgs.CurvatureRule.class, names = {"SKIP", "SKIP_NORM"})
    void skipRulesCountTheRejectedPairAndTakeAGradientStep(MbLbfgs.CurvatureRule rule) {
        Quadratic f = concave();
        MbLbfgs opt = concaveTwoSteps(rule, rule.defaultEpsilon(1), f);
        assertEquals(1, opt.skippedPairs());
        assertEquals(0, opt.dampedPairs());
        assertEquals(0, opt.pairs());
        // H = H_0 = I: θ2 = θ1 − η g1 = 1.1·θ1
        assertArrayEquals(new double[]{1.21, 2.42}, f.theta.toDoubleVector(), 1e-12);
    }

    @Test
    void theInitialScaleSetsTheStepBeforeAnyPair() {
        Quadratic f = concave();
        MbLbfgs opt = new MbLbfgs(2, DataType.DOUBLE, 0.1, 5, 0.25, MbLbfgs.CurvatureRule.DAMP, 0.2, 0.5,
                MbLbfgs.OverlapGradient.REUSE, InverseHessian.Form.COMPACT, false);
        opt.step(f, opt.plan(40, 8, 0), 0);
        // θ1 = θ0 − η·γ0·g0 = (1, 2) + 0.05·(1, 2)
        assertArrayEquals(new double[]{1.05, 2.1}, f.theta.toDoubleVector(), 1e-12);
    }

    @Test
    void dampingNeedsEpsilonBelowOne() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MbLbfgs(2, DataType.DOUBLE, 0.1, 5, 0.25, MbLbfgs.CurvatureRule.DAMP, 1.0, 1,
                        MbLbfgs.OverlapGradient.REUSE, InverseHessian.Form.COMPACT, false));
        assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
        // no hidden default: the study resolves ε (Optimizers.curvatureEpsilon), the optimizer takes it as given
        assertThrows(IllegalArgumentException.class, () -> new MbLbfgs(2, DataType.DOUBLE, 0.1, 5, 0.25,
                MbLbfgs.CurvatureRule.SKIP_NORM, 0, 1, MbLbfgs.OverlapGradient.REUSE, InverseHessian.Form.COMPACT,
                false));
    }

    @Test
    void overlapThatLeavesNoSharedSampleIsRejected() {
        MbLbfgs opt = new MbLbfgs(3, DataType.DOUBLE, 1, 5, 0.01, MbLbfgs.CurvatureRule.DAMP, 0.2, 1,
                MbLbfgs.OverlapGradient.REUSE, InverseHessian.Form.COMPACT, false);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> opt.plan(100, 16, 0));
        assertTrue(e.getMessage().contains("shared samples"), e.getMessage());
    }

    /**
     * Mean logistic loss with L2 term λ/2‖θ‖² over labelled points. With {@code wholeBatch} every minibatch sees the
     * whole data set (deterministic gradients, where L-BFGS must converge); otherwise minibatches are real subsets.
     */
    static final class Logistic implements Objective {
        final double[][] x;
        final double[] label;
        final double lambda;
        final boolean wholeBatch;
        final INDArray theta;

        Logistic(double[][] x, double[] label, double lambda, boolean wholeBatch) {
            this.x = x;
            this.label = label;
            this.lambda = lambda;
            this.wholeBatch = wholeBatch;
            this.theta = Nd4j.create(DataType.DOUBLE, x[0].length);
        }

        static Logistic random(int n, int d, double lambda, long seed, boolean wholeBatch) {
            Random rnd = new Random(seed);
            double[] w = new double[d];
            for (int j = 0; j < d; j++) {
                w[j] = rnd.nextGaussian();
            }
            double[][] x = new double[n][d];
            double[] label = new double[n];
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j < d; j++) {
                    x[i][j] = rnd.nextGaussian();
                    z += w[j] * x[i][j];
                }
                label[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;  // noisy labels: not separable
            }
            return new Logistic(x, label, lambda, wholeBatch);
        }

        @Override
        public INDArray params() {
            return theta;
        }

        double lossAndGradient(int[] order, int from, int to, double[] g) {
            double[] t = theta.toDoubleVector();
            java.util.Arrays.fill(g, 0);
            double loss = 0;
            int count = wholeBatch ? x.length : to - from;
            for (int c = 0; c < count; c++) {
                int i = wholeBatch ? c : order[from + c];
                double z = 0;
                for (int j = 0; j < t.length; j++) {
                    z += t[j] * x[i][j];
                }
                double p = 1 / (1 + Math.exp(-z));
                loss += -label[i] * Math.log(p) - (1 - label[i]) * Math.log(1 - p);
                for (int j = 0; j < t.length; j++) {
                    g[j] += (p - label[i]) * x[i][j] / count;
                }
            }
            for (int j = 0; j < t.length; j++) {
                g[j] += lambda * t[j];
                loss += count * lambda / 2 * t[j] * t[j];
            }
            return loss / count;
        }

        @Override
        public double lossAndGradient(int[] order, int from, int to, INDArray gradOut) {
            double[] g = new double[(int) theta.length()];
            double loss = lossAndGradient(order, from, to, g);
            gradOut.assign(Nd4j.createFromArray(g));
            return loss;
        }

        double fullGradientNorm() {
            double[] g = new double[(int) theta.length()];
            int[] all = new int[x.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            lossAndGradient(all, 0, all.length, g);
            double sum = 0;
            for (double v : g) {
                sum += v * v;
            }
            return Math.sqrt(sum);
        }
    }
}
