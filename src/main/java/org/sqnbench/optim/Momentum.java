package org.sqnbench.optim;

import java.nio.ByteBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sqnbench.nn.NativeVectors;

/**
 * SGD with heavy-ball momentum (Polyak 1964): θ_{k+1} = θ_k − η g_k + β (θ_k − θ_{k−1}). The last displacement
 * v = θ_k − θ_{k−1} is kept, so a step is v ← β v − η g; θ ← θ + v (v starts at 0). FLOAT vectors take one
 * vector-API pass ({@link FirstOrderVectorLoops#momentum}) when the JVM has the module, else three library calls.
 */
public final class Momentum extends FirstOrderOptimizer {
    /** Step size η. */
    public final double learningRate;
    /** Momentum β. */
    public final double beta;
    private final INDArray displacement;

    public Momentum(long n, DataType dtype, double learningRate, double beta) {
        super(n, dtype);
        this.learningRate = learningRate;
        this.beta = beta;
        this.displacement = newState();
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    public void update(INDArray theta, INDArray g) {
        if (NativeVectors.VECTOR_API && theta.dataType() == DataType.FLOAT) {
            ByteBuffer gb = NativeVectors.floatBytes(g);
            ByteBuffer vb = NativeVectors.floatBytes(displacement);
            ByteBuffer tb = NativeVectors.floatBytes(theta);
            float b = (float) beta;
            float c = (float) -learningRate;
            NativeVectors.forRanges(theta.length(), (from, to) ->
                    FirstOrderVectorLoops.momentum(gb, vb, tb, from, to, b, c));
            return;
        }
        Blas.scal(beta, displacement);
        Blas.axpy(-learningRate, g, displacement);
        Blas.axpy(1.0, displacement, theta);
    }
}
