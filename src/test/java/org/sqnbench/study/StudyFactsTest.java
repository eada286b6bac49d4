package org.sqnbench.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The study's facts against the architectures and models they come from, worked out here layer by layer. */
class StudyFactsTest {
    @Test
    void mlpCountsFromItsLayers() {
        // 784 → 128 → 64 → 10, weights and biases
        long params = 784 * 128 + 128 + 128 * 64 + 64 + 64 * 10 + 10;
        assertEquals(params, StudyNetwork.MLP.params());
        // multiply-adds: forward and weight gradients over every layer, input gradients of all but the first
        long forward = 784 * 128 + 128 * 64 + 64 * 10;
        long inputGradients = 128 * 64 + 64 * 10;
        assertEquals(2 * (2 * forward + inputGradients), StudyNetwork.MLP.flopsPerSample());
        assertEquals(454_400, 2 * (2 * forward + inputGradients));
        // the biases' adds (forward, and their gradients' sums) are not in the count
        long biasAdds = 128 + 64 + 10;
        assertFalse(StudyNetwork.MLP.flopsPerSample() == 2 * (2 * forward + inputGradients) + 2 * biasAdds);
    }

    @Test
    void threadsZeroStandsForEachNetworksDefault() {
        assertEquals(1, StudyNetwork.MLP.threads(0));
        assertEquals(2, StudyNetwork.CNN.threads(0));
        assertEquals(1, StudyNetwork.CNN.threads(1));
        assertEquals(2, StudyNetwork.MLP.threads(2));
    }

    @Test
    void cnnCountsFromItsLayers() {
        // conv 3→6 5×5 pad 2 on 32×32, pool to 16×16, conv 6→16 5×5 pad 2, FC 4096→1000, FC 1000→10
        long conv1 = 6L * 3 * 25 + 6;
        long conv2 = 16L * 6 * 25 + 16;
        long fc1 = 4096L * 1000 + 1000;
        long fc2 = 1000L * 10 + 10;
        assertEquals(conv1 + conv2 + fc1 + fc2, StudyNetwork.CNN.params());
        // a padded 5×5 convolution keeps its input's size: output positions × out channels × in channels × 25
        long conv1Forward = 32L * 32 * 6 * 3 * 25;
        long conv2Forward = 16L * 16 * 16 * 6 * 25;
        long forward = conv1Forward + conv2Forward + 4096L * 1000 + 1000L * 10;
        // each layer's input gradient costs its forward multiply-adds; conv1's input is the image, not needed
        long inputGradients = forward - conv1Forward;
        assertEquals(2 * (2 * forward + inputGradients), StudyNetwork.CNN.flopsPerSample());
        assertEquals(30_165_600, 2 * (2 * forward + inputGradients));
    }

    @Test
    void updateTrafficPerMethod() {
        assertEquals(5, Traffic.updatePasses(Method.MOMENTUM, 10));
        assertEquals(7, Traffic.updatePasses(Method.ADAM, 10));
        assertEquals(5, Traffic.updatePasses(Method.SGD_BB, 10));
        assertEquals(6 * 10 + 18, Traffic.updatePasses(Method.MB_LBFGS, 10));
        assertTrue(Double.isNaN(Traffic.updatePasses(Method.SGD, 10)), "SGD's step is the baseline");
        assertEquals(12.0 * (1 << 25), Traffic.TRIAD_BYTES);
        // the floor: the 2m×n matrix three times, 8 n-vectors; m = 10: 60 + 8
        assertEquals(68, Traffic.floorPasses(10));
        assertEquals(38, Traffic.floorPasses(5));
    }

    @Test
    void theClaimIsTheSourcesOwnRatio() {
        // CIFAR-10: 6.37 / mean(5.19, 5.40, 5.35, 5.16) = 6.37 / 5.275
        assertEquals(6.37 / 5.275, SourceStudy.mbLbfgsOverOthers("cnn").getAsDouble(), 1e-12);
        assertFalse(SourceStudy.mbLbfgsOverOthers("mlp").isPresent(), "MNIST has no MB-LBFGS figure");
        assertEquals(3.33 / 2.81, SourceStudy.ratioToSgd("mlp", "sgd-bb").getAsDouble(), 1e-12);
    }

    @Test
    void theSourcesSgdStepOnCifar() {
        // 5.19 min × 60,000 ms / 15 epochs / ⌈50,000 / 64⌉ = 782 batches = 26.547 ms
        assertEquals(5.19 * 60_000 / 15 / 782, SourceStudy.sgdStepMs(), 1e-12);
        assertEquals(26.55, SourceStudy.sgdStepMs(), 0.005);
        assertEquals(5.275 / 5.19, SourceStudy.othersOverSgd("cnn").getAsDouble(), 1e-12);
    }

    @Test
    void everyChartHasItsOwnFileNames() {
        Set<String> files = new HashSet<>();
        for (ChartId id : ChartId.values()) {
            String base = id.perNetwork() ? id.file("mlp") : id.file();
            assertTrue(files.add(base), base);
            for (String format : ChartId.FORMATS) {
                assertTrue(ChartId.isChartFile(base + "." + format), base + "." + format);
            }
        }
        assertFalse(ChartId.isChartFile("report.md"));
    }

    @Test
    void methodsParseTheirNamesAndRefuseOthers() {
        for (Method m : Method.values()) {
            assertEquals(m, Method.parse(m.cliName()));
        }
        assertEquals("unknown optimizer 'lbfgs', expected one of [sgd, momentum, adam, sgd-bb, mb-lbfgs]",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> Method.parse("lbfgs")).getMessage());
    }
}
