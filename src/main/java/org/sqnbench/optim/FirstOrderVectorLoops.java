package org.sqnbench.optim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Momentum's and SGD-BB's steps in one pass each over FLOAT vectors' native memory with the JDK's vector API, as
 * {@link AdamVectorLoop} does for Adam: every vector read once and written at most once, where the three library
 * calls of each step made 8 passes. Lane by lane, IEEE float, no fused multiply-add. Touched only when the JVM has the
 * module ({@link org.sqnbench.nn.NativeVectors#VECTOR_API}).
 */
final class FirstOrderVectorLoops {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private FirstOrderVectorLoops() {
    }

    /** Over elements [from, to): v ← β·v + c·g (c = −η); θ ← θ + v. */
    static void momentum(ByteBuffer g, ByteBuffer v, ByteBuffer theta, int from, int to, float beta, float c) {
        int vectorEnd = from + SPECIES.loopBound(to - from);
        int i = from;
        for (; i < vectorEnd; i += SPECIES.length()) {
            int at = 4 * i;
            FloatVector vi = FloatVector.fromByteBuffer(SPECIES, v, at, ORDER).mul(beta)
                    .add(FloatVector.fromByteBuffer(SPECIES, g, at, ORDER).mul(c));
            vi.intoByteBuffer(v, at, ORDER);
            FloatVector.fromByteBuffer(SPECIES, theta, at, ORDER).add(vi).intoByteBuffer(theta, at, ORDER);
        }
        for (; i < to; i++) {
            int at = 4 * i;
            float vi = beta * v.getFloat(at) + c * g.getFloat(at);
            v.putFloat(at, vi);
            theta.putFloat(at, theta.getFloat(at) + vi);
        }
    }

    /** Over elements [from, to): θ ← θ + c·g (c = −η); ĝ ← k·ĝ + b·g (k = 1 − β, b = β). */
    static void sgdBb(ByteBuffer g, ByteBuffer smoothed, ByteBuffer theta, int from, int to, float c, float k,
                      float b) {
        int vectorEnd = from + SPECIES.loopBound(to - from);
        int i = from;
        for (; i < vectorEnd; i += SPECIES.length()) {
            int at = 4 * i;
            FloatVector gi = FloatVector.fromByteBuffer(SPECIES, g, at, ORDER);
            FloatVector.fromByteBuffer(SPECIES, smoothed, at, ORDER).mul(k).add(gi.mul(b))
                    .intoByteBuffer(smoothed, at, ORDER);
            FloatVector.fromByteBuffer(SPECIES, theta, at, ORDER).add(gi.mul(c)).intoByteBuffer(theta, at, ORDER);
        }
        for (; i < to; i++) {
            int at = 4 * i;
            float gi = g.getFloat(at);
            smoothed.putFloat(at, k * smoothed.getFloat(at) + b * gi);
            theta.putFloat(at, theta.getFloat(at) + c * gi);
        }
    }
}
