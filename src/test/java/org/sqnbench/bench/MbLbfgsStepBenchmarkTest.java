package org.sqnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MbLbfgsStepBenchmarkTest {
    /**
     * The benchmark's premise: with gradients that cost nothing the memory stays empty, so it times the step's own
     * vector work and not the product over pairs or the pair update (the cost model charges those apart).
     */
    @Test
    void stepsOfferPairsButHoldNone() {
        MbLbfgsStepBenchmark b = new MbLbfgsStepBenchmark();
        b.network = "mlp";
        b.threads = 1;
        b.setUp();
        for (int i = 0; i < 5; i++) {
            assertEquals(0.0, b.step());
        }
        assertEquals(0, b.pairs());
    }
}
