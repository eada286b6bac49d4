package org.sqnbench.report.analysis;

import org.sqnbench.study.Benchmarks;
import org.sqnbench.study.Method;
import org.sqnbench.study.StudyNetwork;
import org.sqnbench.study.Traffic;

/**
 * Bytes and operations the measured kernels and updates must move or do, from the study's traffic model
 * ({@link Traffic}) and the networks' sizes, so that times can be set against the machine's bandwidth and speed.
 */
public final class CostModel {
    private CostModel() {
    }

    /** Parameters n of a network of the study, 0 for any other name. */
    public static long parameters(String network) {
        return StudyNetwork.find(network).map(StudyNetwork::params).orElse(0L);
    }

    /** Bytes the inverse-Hessian product moves. */
    public static double productBytes(String form, int memory, long n) {
        return Traffic.bytes(Traffic.productPasses(form, memory), n);
    }

    /** Bytes adding a curvature pair moves. */
    public static double addPairBytes(String form, int memory, long n) {
        return Traffic.bytes(Traffic.addPairPasses(form, memory), n);
    }

    /** Bytes of SGD-BB's end-of-epoch step. */
    public static double bbStepBytes(long n) {
        return Traffic.bytes(Traffic.BB_STEP_PASSES, n);
    }

    /** Bytes an optimizer's update moves per step beyond the gradient; NaN for SGD and unknown optimizers. */
    public static double updateBytes(String optimizer, int memory, long n) {
        return Traffic.bytes(Method.find(optimizer).map(m -> Traffic.updatePasses(m, memory)).orElse(Double.NaN), n);
    }

    /** Modelled bytes one call of a kernel moves, or NaN for compute-bound kernels. */
    public static double traffic(KernelTimes.Point p) {
        String k = p.result().shortName();
        long n = parameters(p.param("network"));
        if (k.equals(Benchmarks.TRIAD)) {
            return Traffic.TRIAD_BYTES;
        }
        if (n == 0) {
            return Double.NaN;
        }
        return switch (k) {
            case Benchmarks.PRODUCT -> productBytes(p.param("form"), p.intParam("memory"), n);
            case Benchmarks.ADD_PAIR -> addPairBytes(p.param("form"), p.intParam("memory"), n);
            case Benchmarks.COLD_PRODUCT -> productBytes(Benchmarks.TRAINING_FORM, p.intParam("memory"), n);
            case Benchmarks.COLD_ADD_PAIR -> addPairBytes(Benchmarks.TRAINING_FORM, p.intParam("memory"), n);
            case Benchmarks.BB_STEP -> bbStepBytes(n);
            default -> Double.NaN;
        };
    }

    /** Compute speed from the calibration kernel, GFLOP/s. */
    public static double gflops(KernelTimes.Point sgemm) {
        return Traffic.SGEMM_FLOP / (sgemm.time().mean() / 1e3) / 1e9;
    }

    /** Bandwidth from a triad result, GB/s. */
    public static double gbPerSecond(KernelTimes.Point triad) {
        return KernelTimes.Bandwidth.of(triad).gbPerSecond();
    }
}
