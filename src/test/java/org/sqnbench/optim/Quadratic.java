package org.sqnbench.optim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * f(θ) = ½ θᵀAθ − bᵀθ with every sample the same function, so any minibatch gradient is the exact gradient
 * Aθ − b: a deterministic test problem with a known Hessian A.
 */
final class Quadratic implements Objective {
    final RealMatrix a;
    final RealVector b;
    final INDArray theta;
    int evaluations;

    Quadratic(double[][] a, double[] b, double[] theta0) {
        this.a = new Array2DRowRealMatrix(a);
        this.b = new ArrayRealVector(b);
        this.theta = Nd4j.createFromArray(theta0.clone());
    }

    @Override
    public INDArray params() {
        return theta;
    }

    RealVector gradientAt(double[] x) {
        return a.operate(new ArrayRealVector(x)).subtract(b);
    }

    @Override
    public double lossAndGradient(int[] order, int from, int to, INDArray gradOut) {
        evaluations++;
        double[] x = theta.toDoubleVector();
        RealVector g = gradientAt(x);
        gradOut.assign(Nd4j.createFromArray(g.toArray()));
        RealVector v = new ArrayRealVector(x);
        return 0.5 * v.dotProduct(a.operate(v)) - b.dotProduct(v);
    }
}
