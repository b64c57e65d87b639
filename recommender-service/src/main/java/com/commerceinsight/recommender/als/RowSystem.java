package com.commerceinsight.recommender.als;

/**
 * The normal equations of one row with the other side fixed, A = YᵀY + λI + Σ_i alpha·r_i·y_i y_iᵀ (the same matrix
 * {@link RowSolver} applies without forming it), built explicitly and Cholesky-factored once so that many
 * right-hand sides cost two triangular solves each (O(k²)). Serving uses it where one customer's system is solved
 * many times or exactly: the fold-in (b = Σ c_i y_i) and the explanation of each recommended product (b = y_j).
 * Building A costs O(n_u·k²) and factoring O(k³/3), against O(k·(k² + n_u·k)) for each exact conjugate-gradient
 * solve. Own code: a k×k factorisation on primitive arrays, where a matrix library would allocate objects per request.
 */
public final class RowSystem {

    private final int k;
    /** The lower Cholesky factor L (A = LLᵀ), k×k row-major; the upper triangle is unused. */
    private final double[] lower;

    private RowSystem(int k, double[] lower) {
        this.k = k;
        this.lower = lower;
    }

    /**
     * Forms and factors A for a row with interactions {@code items[e]} of strength {@code strength[e]}, e in
     * [from, to).
     */
    public static RowSystem of(FactorMatrix fixed, double[] gram, double regularization, double alpha, int[] items,
            float[] strength, int from, int to) {
        int k = fixed.factors();
        float[] y = fixed.data();
        double[] a = new double[k * k];
        for (int r = 0; r < k; r++) {
            for (int c = 0; c <= r; c++) {
                a[r * k + c] = gram[r * k + c];
            }
            a[r * k + r] += regularization;
        }
        for (int e = from; e < to; e++) {
            double w = alpha * strength[e];
            int yb = items[e] * k;
            for (int r = 0; r < k; r++) {
                double wr = w * y[yb + r];
                for (int c = 0; c <= r; c++) {
                    a[r * k + c] += wr * y[yb + c];
                }
            }
        }
        return new RowSystem(k, factor(a, k));
    }

    /** In-place Cholesky–Banachiewicz on the lower triangle; A is positive definite when λ > 0 or Y has full rank. */
    private static double[] factor(double[] a, int k) {
        for (int r = 0; r < k; r++) {
            for (int c = 0; c <= r; c++) {
                double sum = a[r * k + c];
                for (int m = 0; m < c; m++) {
                    sum -= a[r * k + m] * a[c * k + m];
                }
                if (r == c) {
                    if (sum <= 0) {
                        throw new ArithmeticException("the row's system is not positive definite (regularization 0?)");
                    }
                    a[r * k + r] = Math.sqrt(sum);
                } else {
                    a[r * k + c] = sum / a[c * k + c];
                }
            }
        }
        return a;
    }

    /** z = A⁻¹ b (b is not changed). */
    public double[] solve(double[] b) {
        double[] z = new double[k];
        for (int r = 0; r < k; r++) { // L w = b
            double sum = b[r];
            for (int m = 0; m < r; m++) {
                sum -= lower[r * k + m] * z[m];
            }
            z[r] = sum / lower[r * k + r];
        }
        for (int r = k - 1; r >= 0; r--) { // Lᵀ z = w
            double sum = z[r];
            for (int m = r + 1; m < k; m++) {
                sum -= lower[m * k + r] * z[m];
            }
            z[r] = sum / lower[r * k + r];
        }
        return z;
    }

    /** z = A⁻¹ y_row for a row of the fixed side. */
    public double[] solveFor(FactorMatrix fixed, int row) {
        double[] b = new double[k];
        int base = row * k;
        float[] y = fixed.data();
        for (int f = 0; f < k; f++) {
            b[f] = y[base + f];
        }
        return solve(b);
    }
}
