package org.sqnbench.optim;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** BLAS level-1 on whole flat vectors: in place, no temporaries. */
final class Blas {
    private Blas() {
    }

    /** y ← y + a·x */
    static void axpy(double a, INDArray x, INDArray y) {
        Nd4j.getBlasWrapper().level1().axpy(x.length(), a, x, y);
    }

    static double dot(INDArray x, INDArray y) {
        return Nd4j.getBlasWrapper().level1().dot(x.length(), 1.0, x, y);
    }

    /** x ← a·x */
    static void scal(double a, INDArray x) {
        Nd4j.getBlasWrapper().level1().scal(x.length(), a, x);
    }
}
