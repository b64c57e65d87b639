package com.commerceinsight.recommender.als;

/**
 * Solves one vector of implicit-feedback ALS with the other side fixed: for a row u with interactions r_ui,
 * confidence c_ui = 1 + alpha·r_ui and preference p_ui = 1, it minimises
 * Σ_i c_ui (p_ui − xᵀy_i)² + λ|x|² over all items i, i.e. solves (YᵀY + Yᵀ(C_u − I)Y + λI) x = Yᵀ C_u p_u.
 *
 * <p>YᵀY is precomputed once per sweep (Hu, Koren and Volinsky's trick), so applying the matrix costs
 * O(k² + n_u·k) instead of O(n·k²); conjugate gradient (Takács et al.) then needs only matrix-vector products,
 * never the k×k matrix itself. Each CG step lowers the row's objective, which is why a few warm-started steps per
 * sweep suffice. Own code rather than a library because this loop is the whole cost of training and must run on
 * primitive arrays without allocation. One instance per thread: it holds scratch vectors.
 */
public final class RowSolver {

    private static final double CONVERGED = 1e-20;

    private final int k;
    private final double[] x;
    private final double[] r;
    private final double[] p;
    private final double[] ap;

    public RowSolver(int factors) {
        this.k = factors;
        this.x = new double[factors];
        this.r = new double[factors];
        this.p = new double[factors];
        this.ap = new double[factors];
    }

    /**
     * Improves {@code target}'s row {@code row} in place.
     *
     * @param fixed    the other side's factors (Y)
     * @param gram     YᵀY, k×k row-major
     * @param items    the row's interacted columns (indices into {@code fixed})
     * @param strength the row's interaction strengths r_ui, aligned with {@code items}
     * @param from     first entry of the row in {@code items}/{@code strength}
     * @param to       end (exclusive) of the row's entries
     */
    public void solve(FactorMatrix target, int row, FactorMatrix fixed, double[] gram, double regularization, double alpha,
            int steps, int[] items, float[] strength, int from, int to) {
        float[] out = target.data();
        int base = row * k;
        for (int f = 0; f < k; f++) {
            x[f] = out[base + f];
        }
        // r = b − A x, with b = Σ c_i y_i
        multiply(x, r, fixed.data(), gram, regularization, alpha, items, strength, from, to);
        for (int f = 0; f < k; f++) {
            r[f] = -r[f];
        }
        float[] y = fixed.data();
        for (int e = from; e < to; e++) {
            double c = 1 + alpha * strength[e];
            int yb = items[e] * k;
            for (int f = 0; f < k; f++) {
                r[f] += c * y[yb + f];
            }
        }
        iterate(y, gram, regularization, alpha, steps, items, strength, from, to);
        for (int f = 0; f < k; f++) {
            out[base + f] = (float) x[f];
        }
    }

    /** Conjugate gradient from the current x and residual r. */
    private void iterate(float[] y, double[] gram, double regularization, double alpha, int steps, int[] items,
            float[] strength, int from, int to) {
        System.arraycopy(r, 0, p, 0, k);
        double rsOld = dot(r, r);
        for (int step = 0; step < steps && rsOld > CONVERGED; step++) {
            multiply(p, ap, y, gram, regularization, alpha, items, strength, from, to);
            double pap = dot(p, ap);
            if (pap <= 0) {
                break; // only rounding can make a positive-definite form non-positive: stop, x is as good as it gets
            }
            double step1 = rsOld / pap;
            for (int f = 0; f < k; f++) {
                x[f] += step1 * p[f];
                r[f] -= step1 * ap[f];
            }
            double rsNew = dot(r, r);
            double beta = rsNew / rsOld;
            for (int f = 0; f < k; f++) {
                p[f] = r[f] + beta * p[f];
            }
            rsOld = rsNew;
        }
    }

    /** out = (YᵀY + λI) v + Σ_i (c_i − 1)(y_i·v) y_i. */
    private void multiply(double[] v, double[] out, float[] y, double[] gram, double regularization, double alpha,
            int[] items, float[] strength, int from, int to) {
        for (int a = 0; a < k; a++) {
            double sum = regularization * v[a];
            int gb = a * k;
            for (int b = 0; b < k; b++) {
                sum += gram[gb + b] * v[b];
            }
            out[a] = sum;
        }
        for (int e = from; e < to; e++) {
            int yb = items[e] * k;
            double yv = 0;
            for (int f = 0; f < k; f++) {
                yv += y[yb + f] * v[f];
            }
            double w = alpha * strength[e] * yv;
            for (int f = 0; f < k; f++) {
                out[f] += w * y[yb + f];
            }
        }
    }

    private double dot(double[] a, double[] b) {
        double sum = 0;
        for (int f = 0; f < k; f++) {
            sum += a[f] * b[f];
        }
        return sum;
    }
}
