package org.sqnbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Epoch plans: disjoint shuffled minibatches and Multi-Batch L-BFGS overlapping windows. */
class MinibatchPlanTest {

    static int[] window(MinibatchPlan p, int k) {
        int s = p.start(k);
        return Arrays.copyOfRange(p.order(), s, s + p.batchSize());
    }

    static Set<Integer> set(int[] a) {
        Set<Integer> s = new HashSet<>();
        for (int v : a) {
            s.add(v);
        }
        return s;
    }

    static void assertDistinctInRange(int[] a, int n) {
        boolean[] seen = new boolean[n];
        for (int v : a) {
            assertTrue(v >= 0 && v < n, "index " + v + " outside 0.." + (n - 1));
            assertFalse(seen[v], "index " + v + " appears twice");
            seen[v] = true;
        }
    }

    @Test
    void shuffledDisjointBatches() {
        MinibatchPlan p = MinibatchPlan.shuffled(10, 3, 7L);
        assertEquals(3, p.iterations());
        assertEquals(3, p.batchSize());
        assertEquals(0, p.overlap());
        assertEquals(0, p.start(0));
        assertEquals(3, p.start(1));
        assertEquals(6, p.start(2));
        Set<Integer> union = new HashSet<>();
        for (int k = 0; k < p.iterations(); k++) {
            int[] w = window(p, k);
            assertEquals(3, set(w).size());
            for (int v : w) {
                assertTrue(v >= 0 && v < 10, "index " + v);
                assertTrue(union.add(v), "index " + v + " in two batches");
            }
        }
        assertEquals(9, union.size()); // one sample of the ten is left out of this epoch
        assertDistinctInRange(p.order(), 10);
    }

    @Test
    void shuffledIsSeeded() {
        int[] a = MinibatchPlan.shuffled(100, 10, 1L).order();
        int[] b = MinibatchPlan.shuffled(100, 10, 1L).order();
        int[] c = MinibatchPlan.shuffled(100, 10, 2L).order();
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
        // A full-size batch is a permutation of everything, and not the identity.
        int[] all = MinibatchPlan.shuffled(100, 100, 3L).order();
        assertEquals(100, all.length);
        assertDistinctInRange(all, 100);
        int fixedPoints = 0;
        for (int i = 0; i < 100; i++) {
            if (all[i] == i) {
                fixedPoints++;
            }
        }
        assertTrue(fixedPoints < 10, fixedPoints + " fixed points");
    }

    @Test
    void shuffleIsUniform() {
        // Fisher-Yates: over many seeds, element 0 lands in each of 5 positions with probability 1/5. An off-by-one
        // (Sattolo's variant) would never leave it at position 0; a naive swap-with-any shuffle is biased.
        int n = 5;
        int trials = 20_000;
        int[][] hits = new int[n][n];
        for (int s = 0; s < trials; s++) {
            int[] p = MinibatchPlan.shuffled(n, n, s).order();
            for (int pos = 0; pos < n; pos++) {
                hits[p[pos]][pos]++;
            }
        }
        double expected = trials / (double) n;
        for (int v = 0; v < n; v++) {
            for (int pos = 0; pos < n; pos++) {
                // Binomial(20000, 0.2): sd 56.6; allow 5 sd.
                assertEquals(expected, hits[v][pos], 283, "value " + v + " at position " + pos);
            }
        }
    }

    @Test
    void overlappingWindows() {
        MinibatchPlan p = MinibatchPlan.overlapping(100, 20, 5, false, 11L);
        assertEquals((100 - 5) / 15, p.iterations());
        assertEquals(6, p.iterations());
        assertEquals(5, p.overlap());
        for (int k = 0; k < 6; k++) {
            assertEquals(15 * k, p.start(k));
        }
        int last = p.start(p.iterations() - 1) + 20;
        assertEquals(95, last);
        assertTrue(p.order().length >= last);
        int[] used = Arrays.copyOf(p.order(), last);
        assertDistinctInRange(used, 100);

        for (int k = 0; k + 1 < p.iterations(); k++) {
            int[] a = window(p, k);
            int[] b = window(p, k + 1);
            assertArrayEquals(Arrays.copyOfRange(a, 15, 20), Arrays.copyOfRange(b, 0, 5),
                    "last 5 of batch " + k + " are the first 5 of batch " + (k + 1));
            Set<Integer> shared = set(a);
            shared.retainAll(set(b));
            assertEquals(5, shared.size(), "batches " + k + " and " + (k + 1) + " share exactly the overlap");
            if (k + 2 < p.iterations()) {
                Set<Integer> skip = set(a);
                skip.retainAll(set(window(p, k + 2)));
                assertTrue(skip.isEmpty(), "batches " + k + " and " + (k + 2) + " are disjoint");
            }
        }

        // New data: the whole first window, then each later window minus the overlap it shares with its
        // predecessor. Every sample of order[0 .. last) enters exactly once.
        int[] timesNew = new int[100];
        for (int k = 0; k < p.iterations(); k++) {
            int[] w = window(p, k);
            for (int j = k == 0 ? 0 : 5; j < 20; j++) {
                timesNew[w[j]]++;
            }
        }
        int enteredOnce = 0;
        for (int i = 0; i < last; i++) {
            assertEquals(1, timesNew[used[i]], "sample " + used[i] + " at order position " + i);
        }
        for (int t : timesNew) {
            assertTrue(t == 0 || t == 1);
            enteredOnce += t;
        }
        assertEquals(95, enteredOnce); // 100 - 95 = 5 samples, fewer than one stride, are left for the next epoch
    }

    @Test
    void overlappingUsesTheSamePermutationAsShuffled() {
        MinibatchPlan over = MinibatchPlan.overlapping(100, 20, 5, false, 11L);
        MinibatchPlan plain = MinibatchPlan.shuffled(100, 20, 11L);
        assertArrayEquals(Arrays.copyOf(plain.order(), 95), Arrays.copyOf(over.order(), 95));
        MinibatchPlan zero = MinibatchPlan.overlapping(100, 20, 0, false, 11L);
        assertArrayEquals(plain.order(), zero.order());
        assertEquals(plain.iterations(), zero.iterations());
    }

    @Test
    void fixedIterations() {
        MinibatchPlan p = MinibatchPlan.overlapping(100, 20, 5, true, 11L);
        assertEquals(100 / 20, p.iterations());
        assertEquals(5, p.iterations());
        int last = p.start(4) + 20;
        assertEquals(80, last);
        assertDistinctInRange(Arrays.copyOf(p.order(), last), 100);
        for (int k = 0; k + 1 < p.iterations(); k++) {
            assertArrayEquals(Arrays.copyOfRange(window(p, k), 15, 20), Arrays.copyOfRange(window(p, k + 1), 0, 5));
        }
        // Same permutation as the variable-length plan with the same seed.
        MinibatchPlan free = MinibatchPlan.overlapping(100, 20, 5, false, 11L);
        assertArrayEquals(Arrays.copyOf(free.order(), 80), Arrays.copyOf(p.order(), 80));
    }

    @Test
    void batchOfOneAndLargestOverlap() {
        MinibatchPlan one = MinibatchPlan.shuffled(4, 1, 5L);
        assertEquals(4, one.iterations());
        assertDistinctInRange(Arrays.copyOf(one.order(), 4), 4);
        // overlap (batch-1)/2 is the largest allowed: batch 5, overlap 2, stride 3; (10-2)/3 = 2 iterations.
        MinibatchPlan p = MinibatchPlan.overlapping(10, 5, 2, false, 5L);
        assertEquals(2, p.iterations());
        assertArrayEquals(Arrays.copyOfRange(window(p, 0), 3, 5), Arrays.copyOfRange(window(p, 1), 0, 2));
        assertDistinctInRange(Arrays.copyOf(p.order(), p.start(1) + 5), 10);
    }

    @Test
    void badArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MinibatchPlan.shuffled(10, 11, 1L));
        assertTrue(e.getMessage().contains("batch size 11"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MinibatchPlan.shuffled(10, 0, 1L));
        assertThrows(IllegalArgumentException.class, () -> MinibatchPlan.overlapping(100, 101, 5, false, 1L));
        e = assertThrows(IllegalArgumentException.class, () -> MinibatchPlan.overlapping(100, 20, 10, false, 1L));
        assertTrue(e.getMessage().contains("overlap 10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MinibatchPlan.overlapping(100, 20, 11, true, 1L));
        assertThrows(IllegalArgumentException.class, () -> MinibatchPlan.overlapping(100, 5, 3, false, 1L));
        assertThrows(IllegalArgumentException.class, () -> MinibatchPlan.overlapping(100, 20, -1, false, 1L));
        // The boundary just inside is accepted: 2 * 9 < 20.
        assertEquals((100 - 9) / 11, MinibatchPlan.overlapping(100, 20, 9, false, 1L).iterations());
    }
}
