package org.sqnbench.optim;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** BLAS on whole flat vectors and row-major matrices: in place, no temporaries. */
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

    /**
     * y ← A x, or Aᵀ x when {@code transpose}, for a contiguous row-major A (a row block of a c-order matrix).
     * Calls OpenBLAS directly: ND4J routes gemv through its generic matmul op, which measured about 20× slower
     * on the 2m×n pair matrix.
     */
    static void gemv(boolean transpose, INDArray a, INDArray x, INDArray y) {
        gemv(transpose, 1, a, x, y);
    }

    /** y ← alpha·A x, or alpha·Aᵀ x when {@code transpose}. */
    static void gemv(boolean transpose, double alpha, INDArray a, INDArray x, INDArray y) {
        int rows = Math.toIntExact(a.rows());
        int cols = Math.toIntExact(a.columns());
        int trans = transpose ? CblasTrans : CblasNoTrans;
        if (a.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemv(CblasRowMajor, trans, rows, cols, (float) alpha, (FloatPointer) a.data().addressPointer(),
                    cols, (FloatPointer) x.data().addressPointer(), 1, 0f, (FloatPointer) y.data().addressPointer(), 1);
        } else {
            openblas_nolapack.cblas_dgemv(CblasRowMajor, trans, rows, cols, alpha, (DoublePointer) a.data().addressPointer(),
                    cols, (DoublePointer) x.data().addressPointer(), 1, 0, (DoublePointer) y.data().addressPointer(), 1);
        }
    }
}
