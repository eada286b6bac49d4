package org.sqnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Every benchmark class runs its setup and a short measurement in this JVM (no fork) and gives finite numbers. */
class BenchmarkSmokeTest {
    static Collection<RunResult> run(String include, String... params) throws RunnerException {
        ChainedOptionsBuilder o = new OptionsBuilder().include("\\." + include + "Benchmark\\.").forks(0)
                .warmupIterations(0).measurementIterations(2).measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true);
        for (int i = 0; i < params.length; i += 2) {
            o.param(params[i], params[i + 1]);
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        assertFalse(results.isEmpty(), include + " produced no result");
        for (RunResult r : results) {
            double score = r.getPrimaryResult().getScore();
            assertTrue(Double.isFinite(score) && score > 0, include + " " + r.getParams() + ": score " + score);
        }
        return results;
    }

    @Test
    void kernelsRunAndGiveFiniteTimes() throws RunnerException {
        run("GradientFloor", "network", "mlp");
        run("OverlapGradient", "network", "mlp", "overlapSize", "16");
        run("PartGradients", "network", "mlp", "batchSize", "64", "overlap", "0.1");
        // two forms × (product, addPair)
        assertEquals(4, run("InverseHessian", "network", "mlp", "memory", "5").size());
        run("BbStep", "network", "mlp");
        run("MbLbfgsStep", "network", "mlp");
        assertEquals(4, run("Update", "network", "mlp").size());
        // the gradient alone, the axpy alone, the two in turn
        assertEquals(3, run("Handoff", "network", "mlp").size());
        run("Calibration");
        run("MemoryBandwidth", "threads", "1");
    }

    @Test
    void epochBenchmarksRecordLossAccuracyAndWork() throws RunnerException {
        for (String include : List.of("EpochTime", "Convergence")) {
            for (RunResult r : run(include, "network", "mlp", "optimizer", "mb-lbfgs", "trainSize", "640", "seed", "1")) {
                var secondary = r.getSecondaryResults();
                for (String metric : List.of("trainLoss", "testLoss", "testAccuracy", "sampleGradients", "skippedPairs",
                        "diverged", "threads")) {
                    assertTrue(secondary.containsKey(metric), include + " lacks " + metric);
                }
                Result<?> accuracy = secondary.get("testAccuracy");
                // two epochs: the console value is the sum over iterations
                assertTrue(accuracy.getScore() > 0 && accuracy.getScore() <= 2, "accuracy sum " + accuracy.getScore());
                assertEquals(0, secondary.get("diverged").getScore());
                assertEquals(2.0, secondary.get("threads").getScore(), "1 thread per MLP epoch, summed over 2");
                // 640 samples, batch 64, overlap 16: (640 − 16)/48 = 13 iterations of 64 per epoch
                assertEquals(2 * 13 * 64, secondary.get("sampleGradients").getScore());
            }
        }
    }

    @Test
    void iterationsEpochFormRunsNOverBatchSteps() throws RunnerException {
        for (RunResult r : run("EpochTime", "network", "mlp", "optimizer", "mb-lbfgs", "trainSize", "640",
                "epochForm", "iterations")) {
            var secondary = r.getSecondaryResults();
            // 640 samples, batch 64: 640/64 = 10 steps of 64 sample-gradients, against 13 in a pass
            assertEquals(2 * 10 * 64, secondary.get("sampleGradients").getScore());
            // after the first step the memory holds what was kept: between 0 and min(m, steps − 1) pairs per step
            double held = secondary.get("pairsHeld").getScore() / 2;
            assertTrue(held >= 0 && held <= 9, "mean pairs held " + held);
        }
    }

    @Test
    void cnnEpochRuns() throws RunnerException {
        run("EpochTime", "network", "cnn", "optimizer", "adam", "trainSize", "256");
    }

    @Test
    void divergenceIsRecordedNotThrown() throws RunnerException {
        for (RunResult r : run("Convergence", "network", "mlp", "optimizer", "sgd", "learningRate", "1000000",
                "trainSize", "640", "seed", "1")) {
            assertEquals(2, r.getSecondaryResults().get("diverged").getScore());
        }
    }
}
