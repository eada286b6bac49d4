package org.sqnbench.optim;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.CustomOp;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMultiplication;
import org.nd4j.linalg.factory.Nd4j;
import org.sqnbench.nn.Backend;

/**
 * The optimizers' vector calls on whole flat vectors and row-major matrices: in place, no temporaries.
 *
 * <p>Which library runs them depends on the thread count. On one thread, OpenBLAS: its calls dispatch in about
 * 6 µs against about 11 µs for an ND4J op, which matters on the MLP's 0.1M-element vectors. On more threads,
 * ND4J's native ops, on the same OpenMP threads as the network's oneDNN kernels: OpenBLAS keeps threads of its own,
 * which spin for a long while after each call and took a core from the next gradient (a CNN step measured 5.6 ms
 * slower after a 2-thread OpenBLAS axpy; after the same axpy as an ND4J op, no slower). So OpenBLAS stays
 * single-threaded ({@link Backend#init}), and {@link #dot} always runs there: ND4J's dot reduction took 100 µs on
 * the MLP and 2 ms on the CNN, against 5 µs and 0.5 ms.
 */
public final class Blas {
    private Blas() {
    }

    /** y ← y + a·x */
    public static void axpy(double a, INDArray x, INDArray y) {
        if (Backend.threads() > 1) {
            // the op scales its second input: out = a·in[1] + in[0]
            exec("axpy", new INDArray[]{y, x}, y, new long[0], a);
        } else {
            Nd4j.getBlasWrapper().level1().axpy(x.length(), a, x, y);
        }
    }

    /** xᵀy, accumulated by OpenBLAS on one thread. */
    public static double dot(INDArray x, INDArray y) {
        return Nd4j.getBlasWrapper().level1().dot(x.length(), 1.0, x, y);
    }

    /** x ← a·x */
    public static void scal(double a, INDArray x) {
        if (Backend.threads() > 1) {
            Nd4j.getExecutioner().exec(new ScalarMultiplication(x, null, x, a));
        } else {
            Nd4j.getBlasWrapper().level1().scal(x.length(), a, x);
        }
    }

    /**
     * out ← a·x. On more threads one ND4J op, one pass: a copy and a scaling in place took two, and ND4J's copy
     * moved the CNN's n-vector at about half the triad bandwidth. On one thread OpenBLAS's copy and scal: there the
     * vectors are the MLP's, cached, and a call's dispatch is what counts (the one ND4J op measured slower).
     */
    public static void scaled(double a, INDArray x, INDArray out) {
        if (Backend.threads() > 1) {
            x.mul(a, out);
        } else {
            Nd4j.getBlasWrapper().level1().copy(x, out);
            scal(a, out);
        }
    }

    /** out ← x − y: one ND4J op on more threads, OpenBLAS's copy and axpy on one (as {@link #scaled}). */
    public static void difference(INDArray x, INDArray y, INDArray out) {
        if (Backend.threads() > 1) {
            x.sub(y, out);
        } else {
            Nd4j.getBlasWrapper().level1().copy(x, out);
            axpy(-1, y, out);
        }
    }

    /**
     * y ← A x, or Aᵀ x when {@code transpose}, for a contiguous row-major A (a row block of a c-order matrix).
     */
    public static void gemv(boolean transpose, INDArray a, INDArray x, INDArray y) {
        gemv(transpose, 1, a, x, y);
    }

    /**
     * y ← alpha·A x, or alpha·Aᵀ x when {@code transpose}. On one thread OpenBLAS's gemv directly: ND4J's generic
     * matmul took about 20× as long there. On more threads ND4J's matmul op, which runs on oneDNN and measured
     * 7.4 ms against OpenBLAS's 9–11 ms on the CNN's 20 × 4.1M pair matrix.
     */
    public static void gemv(boolean transpose, double alpha, INDArray a, INDArray x, INDArray y) {
        int rows = Math.toIntExact(a.rows());
        int cols = Math.toIntExact(a.columns());
        if (Backend.threads() > 1) {
            // Aᵀx as the row xᵀA, A x as the column A·x: both without transposing A
            INDArray left = transpose ? x.reshape('c', 1, rows) : a;
            INDArray right = transpose ? a : x.reshape('c', cols, 1);
            INDArray out = transpose ? y.reshape('c', 1, cols) : y.reshape('c', rows, 1);
            exec("matmul", new INDArray[]{left, right}, out, new long[]{0, 0, 0}, alpha, 0.0);
            return;
        }
        int trans = transpose ? CblasTrans : CblasNoTrans;
        if (a.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemv(CblasRowMajor, trans, rows, cols, (float) alpha, (FloatPointer) a.data().addressPointer(),
                    cols, (FloatPointer) x.data().addressPointer(), 1, 0f, (FloatPointer) y.data().addressPointer(), 1);
        } else {
            openblas_nolapack.cblas_dgemv(CblasRowMajor, trans, rows, cols, alpha, (DoublePointer) a.data().addressPointer(),
                    cols, (DoublePointer) x.data().addressPointer(), 1, 0, (DoublePointer) y.data().addressPointer(), 1);
        }
    }

    /** Runs ND4J's custom op {@code name} once on these arrays and arguments, through a context built for the call. */
    private static void exec(String name, INDArray[] inputs, INDArray output, long[] ints, double... floats) {
        CustomOp op = DynamicCustomOp.builder(name).build();
        try (OpContext context = Nd4j.getExecutioner().buildContext()) {
            context.setInputArrays(inputs);
            context.setOutputArrays(output);
            if (ints.length > 0) {
                context.setIArguments(ints);
            }
            context.setTArguments(floats);
            Nd4j.exec(op, context);
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed", e);
        }
    }
}
