package org.sqnbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.sqnbench.study.Benchmarks;

class ColdPairsBenchmarkTest {
    /**
     * The cold kernels time the same calls on the same memory as the warm ones: after an eviction, the product of
     * the training form equals InverseHessian's (same seed, same pairs) element for element; and the eviction ran (its
     * sum over the zero-filled buffer, 0, replaced the NaN).
     */
    @Test
    void evictingChangesNothingButTheCaches() {
        ColdPairsBenchmark cold = new ColdPairsBenchmark();
        cold.network = "mlp";
        cold.memory = 5;
        cold.threads = 1;
        cold.setUp();
        cold.evicted = Double.NaN;
        cold.evict();
        assertEquals(0.0, cold.evicted);
        INDArray coldProduct = cold.product().dup();

        InverseHessianBenchmark warm = new InverseHessianBenchmark();
        warm.network = "mlp";
        warm.memory = 5;
        warm.form = Benchmarks.TRAINING_FORM;
        warm.threads = 1;
        warm.setUp();
        INDArray warmProduct = warm.product();
        assertEquals(warmProduct, coldProduct);
        assertTrue(coldProduct.norm2Number().doubleValue() > 0);
    }

    /** Every "Class.method" name the report and the check look results up by is a benchmark method of this package. */
    @Test
    void theReportsBenchmarkNamesAreThisPackagesBenchmarks() throws Exception {
        int checked = 0;
        for (Field f : Benchmarks.class.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
                continue;
            }
            String name = (String) f.get(null);
            if (!name.matches("\\w+Benchmark\\.\\w+")) {
                continue;
            }
            String[] parts = name.split("\\.");
            Class<?> c = Class.forName("org.sqnbench.bench." + parts[0]);
            assertTrue(c.getMethod(parts[1]).isAnnotationPresent(Benchmark.class), name);
            checked++;
        }
        assertTrue(checked >= 15, "checked " + checked);
    }
}
