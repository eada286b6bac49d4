package org.sqnbench.optim;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The L-BFGS inverse-Hessian approximation H_k over the last m curvature pairs (s_i, y_i), applied to a vector,
 * with H_0 = γI, γ = sᵀy/yᵀy of the newest pair (before any pair, γ = the given initial scale, 1 by default).
 * Two forms that give the same product:
 * <ul>
 * <li>{@link Form#TWO_LOOP}: the classic two-loop recursion (Nocedal 1980), 2m dot products and 2m axpys over
 * n-vectors, about 10·m·n values moved.</li>
 * <li>{@link Form#COMPACT}: the compact representation of Byrd, Nocedal and Schnabel (1994),
 * H = γI + [S γY] M [Sᵀ; γYᵀ] with M = [[R⁻ᵀ(D + γYᵀY)R⁻¹, −R⁻ᵀ], [−R⁻¹, 0]], R the upper triangle of SᵀY and
 * D its diagonal: one product of the 2m×n pair matrix with the vector, two m×m triangular solves, and one product
 * of its transpose, about 4·m·n values moved, plus a 2m·n product when a pair is added to keep SᵀY and YᵀY.</li>
 * </ul>
 * Pairs live as rows of one 2m×n matrix (row 2j = s, row 2j+1 = y of slot j), filled in order and then
 * overwritten oldest first, so the rows in use are always a contiguous block.
 */
public final class InverseHessian {
    public enum Form { TWO_LOOP, COMPACT }

    private final Form form;
    private final int capacity;
    private final INDArray pairs;
    private final INDArray[] s;
    private final INDArray[] y;
    /** Row blocks [0, 2c) of {@link #pairs}, for c = 1..m pairs in use. */
    private final INDArray[] blocks;
    /** Coefficient vectors of length 2c matching {@link #blocks}. */
    private final INDArray[] coefficients;
    private final double[] rho;
    /** sy[i][j] = s_iᵀ y_j and yy[i][j] = y_iᵀ y_j by slot (compact form only). */
    private final double[][] sy;
    private final double[][] yy;
    private final double[] alpha;
    private final double[] u;
    private final double[] t;
    private int count;
    private int next;
    private double gamma;

    public InverseHessian(int memory, long n, DataType dtype, Form form) {
        this(memory, n, dtype, form, 1);
    }

    /** @param initialScale γ of H_0 = γI until the first pair is added */
    public InverseHessian(int memory, long n, DataType dtype, Form form, double initialScale) {
        if (!(initialScale > 0)) {
            throw new IllegalArgumentException("initial scale must be > 0, got " + initialScale);
        }
        this.gamma = initialScale;
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be >= 1, got " + memory);
        }
        this.form = form;
        this.capacity = memory;
        this.pairs = Nd4j.create(dtype, 2L * memory, n);
        this.s = new INDArray[memory];
        this.y = new INDArray[memory];
        this.blocks = new INDArray[memory + 1];
        this.coefficients = new INDArray[memory + 1];
        INDArray coefficientVector = Nd4j.create(dtype, 2L * memory);
        for (int j = 0; j < memory; j++) {
            s[j] = pairs.getRow(2L * j);
            y[j] = pairs.getRow(2L * j + 1);
        }
        for (int c = 1; c <= memory; c++) {
            blocks[c] = pairs.get(NDArrayIndex.interval(0, 2L * c), NDArrayIndex.all());
            coefficients[c] = coefficientVector.get(NDArrayIndex.interval(0, 2L * c));
        }
        this.rho = new double[memory];
        this.sy = new double[memory][memory];
        this.yy = new double[memory][memory];
        this.alpha = new double[memory];
        this.u = new double[memory];
        this.t = new double[memory];
    }

    /** Pairs currently held (at most the memory m). */
    public int size() {
        return count;
    }

    /** Stores a pair the caller has accepted (sᵀy &gt; 0), dropping the oldest when m are held. */
    public void add(INDArray sNew, INDArray yNew) {
        int j = next;
        s[j].assign(sNew);
        y[j].assign(yNew);
        next = (next + 1) % capacity;
        count = Math.min(count + 1, capacity);
        double sTy;
        double yTy;
        if (form == Form.COMPACT) {
            // one pass over the held pairs gives s_iᵀy_j and y_iᵀy_j for every slot i, the new pair's own included
            INDArray w = coefficients[count];
            Blas.gemv(false, blocks[count], y[j], w);
            for (int i = 0; i < count; i++) {
                sy[i][j] = w.getDouble(2L * i);
                yy[i][j] = w.getDouble(2L * i + 1);
                yy[j][i] = yy[i][j];
            }
            sTy = sy[j][j];
            yTy = yy[j][j];
        } else {
            sTy = Blas.dot(s[j], y[j]);
            yTy = Blas.dot(y[j], y[j]);
        }
        rho[j] = 1 / sTy;
        gamma = sTy / yTy;
    }

    /** out ← H g with this instance's form. */
    public void apply(INDArray g, INDArray out) {
        apply(g, out, 1);
    }

    /** out ← scale·H g: the step −ηHg comes out of the product's last pass, not a copy and a scaling after it. */
    public void apply(INDArray g, INDArray out, double scale) {
        if (form == Form.TWO_LOOP) {
            twoLoop(g, out);
            if (scale != 1) {
                Blas.scal(scale, out);
            }
        } else {
            compact(g, out, scale);
        }
    }

    /** Slot of the a-th oldest pair held. */
    private int slot(int a) {
        return Math.floorMod(next - count + a, capacity);
    }

    void twoLoop(INDArray g, INDArray out) {
        out.assign(g);
        for (int a = count - 1; a >= 0; a--) {
            int j = slot(a);
            alpha[a] = rho[j] * Blas.dot(s[j], out);
            Blas.axpy(-alpha[a], y[j], out);
        }
        Blas.scal(gamma, out);
        for (int a = 0; a < count; a++) {
            int j = slot(a);
            double beta = rho[j] * Blas.dot(y[j], out);
            Blas.axpy(alpha[a] - beta, s[j], out);
        }
    }

    void compact(INDArray g, INDArray out, double scale) {
        if (count == 0) {
            Blas.scaled(scale * gamma, g, out);
            return;
        }
        INDArray w = coefficients[count];
        INDArray block = blocks[count];
        Blas.gemv(false, block, g, w);
        // u = R⁻¹ (Sᵀg): back substitution, R[a][b] = s_aᵀ y_b for a ≤ b in age order
        for (int a = count - 1; a >= 0; a--) {
            double sum = w.getDouble(2L * slot(a));
            for (int b = a + 1; b < count; b++) {
                sum -= sy[slot(a)][slot(b)] * u[b];
            }
            u[a] = sum / sy[slot(a)][slot(a)];
        }
        // t = (D + γ YᵀY) u − γ Yᵀg
        for (int a = 0; a < count; a++) {
            double sum = sy[slot(a)][slot(a)] * u[a] - gamma * w.getDouble(2L * slot(a) + 1);
            for (int b = 0; b < count; b++) {
                sum += gamma * yy[slot(a)][slot(b)] * u[b];
            }
            t[a] = sum;
        }
        // z = R⁻ᵀ t: forward substitution; then H g = γ g + S z − γ Y u
        for (int a = 0; a < count; a++) {
            double sum = t[a];
            for (int b = 0; b < a; b++) {
                sum -= sy[slot(b)][slot(a)] * alpha[b];
            }
            alpha[a] = sum / sy[slot(a)][slot(a)];
        }
        for (int a = 0; a < count; a++) {
            w.putScalar(2L * slot(a), alpha[a]);
            w.putScalar(2L * slot(a) + 1, -gamma * u[a]);
        }
        Blas.gemv(true, scale, block, w, out);
        Blas.axpy(scale * gamma, g, out);
    }
}
