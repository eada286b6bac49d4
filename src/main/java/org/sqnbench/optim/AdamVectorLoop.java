package org.sqnbench.optim;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Adam's rule in its one-pass form ({@link Adam}) over FLOAT vectors' native memory with the JDK's vector API: each
 * of g, m, v and θ is read once and m, v, θ written once, straight from and to ND4J's buffers. The same operations
 * in the same order as Adam's chunked loop ({@link Adam#chunks}: lane by lane, IEEE float, no fused multiply-add; a
 * float square root is the double one rounded), so both give the same bits. Touched only when the JVM has the module
 * ({@link org.sqnbench.nn.NativeVectors#VECTOR_API}).
 */
final class AdamVectorLoop {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private AdamVectorLoop() {
    }

    /**
     * Over elements [from, to): m ← b1·m + c1·g; v ← b2·v + (c2·g)·g; θ ← θ − (a·m)/(√v + e). The buffers are in
     * native byte order.
     */
    static void run(ByteBuffer g, ByteBuffer m, ByteBuffer v, ByteBuffer theta, int from, int to,
                    float b1, float c1, float b2, float c2, float a, float e) {
        int vectorEnd = from + SPECIES.loopBound(to - from);
        int i = from;
        for (; i < vectorEnd; i += SPECIES.length()) {
            int at = 4 * i;
            FloatVector gi = FloatVector.fromByteBuffer(SPECIES, g, at, ORDER);
            FloatVector mi = FloatVector.fromByteBuffer(SPECIES, m, at, ORDER).mul(b1).add(gi.mul(c1));
            FloatVector vi = FloatVector.fromByteBuffer(SPECIES, v, at, ORDER).mul(b2).add(gi.mul(c2).mul(gi));
            mi.intoByteBuffer(m, at, ORDER);
            vi.intoByteBuffer(v, at, ORDER);
            FloatVector step = mi.mul(a).div(vi.sqrt().add(e));
            FloatVector.fromByteBuffer(SPECIES, theta, at, ORDER).sub(step).intoByteBuffer(theta, at, ORDER);
        }
        for (; i < to; i++) {
            int at = 4 * i;
            float gi = g.getFloat(at);
            float mi = b1 * m.getFloat(at) + c1 * gi;
            float vi = b2 * v.getFloat(at) + c2 * gi * gi;
            m.putFloat(at, mi);
            v.putFloat(at, vi);
            theta.putFloat(at, theta.getFloat(at) - a * mi / ((float) Math.sqrt(vi) + e));
        }
    }
}
