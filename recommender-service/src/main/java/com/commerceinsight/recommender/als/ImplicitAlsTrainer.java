package com.commerceinsight.recommender.als;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Implicit-feedback alternating least squares (Hu, Koren and Volinsky 2008) with conjugate-gradient row solves:
 * each sweep fixes the products and solves every customer, then fixes the customers and solves every product.
 * Rows are independent given the other side, so a sweep runs in parallel over chunks of rows on all cores (the
 * common fork-join pool); each chunk has its own {@link RowSolver} scratch space. The result does not depend on the
 * thread count: a row's solve reads only the fixed side.
 */
public final class ImplicitAlsTrainer {

    /** Called after each sweep with its number (from 1) and the factors so far; may stop training by returning false. */
    @FunctionalInterface
    public interface SweepListener {
        boolean afterSweep(int sweep, AlsFactors factors);
    }

    private static final int ROWS_PER_CHUNK = 256;
    /** Initial vectors are tiny: the first solves are driven by the data, not by the noise. */
    private static final float INIT_SCALE = 0.01f;

    private ImplicitAlsTrainer() {
    }

    /**
     * Trains on a customers × products matrix of interaction strengths (r ≥ 0; an empty cell is "no interaction").
     */
    public static AlsFactors train(CsrMatrix userItems, AlsParams params, SweepListener listener) {
        SplittableRandom rng = new SplittableRandom(params.seed());
        FactorMatrix users = FactorMatrix.random(userItems.rows(), params.factors(), INIT_SCALE, rng);
        FactorMatrix items = FactorMatrix.random(userItems.cols(), params.factors(), INIT_SCALE, rng);
        CsrMatrix itemUsers = userItems.transpose();
        AlsFactors factors = new AlsFactors(users, items);
        for (int sweep = 1; sweep <= params.iterations(); sweep++) {
            solveAll(users, items, userItems, params);
            solveAll(items, users, itemUsers, params);
            if (listener != null && !listener.afterSweep(sweep, factors)) {
                break;
            }
        }
        return factors;
    }

    /** Solves every row of {@code target} against the fixed side, in parallel chunks. */
    static void solveAll(FactorMatrix target, FactorMatrix fixed, CsrMatrix interactions, AlsParams params) {
        double[] gram = fixed.gram();
        int rows = target.rows();
        int chunks = (rows + ROWS_PER_CHUNK - 1) / ROWS_PER_CHUNK;
        int[] columns = interactions.columnArray();
        float[] values = interactions.valueArray();
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            RowSolver solver = new RowSolver(params.factors());
            int end = Math.min(rows, (chunk + 1) * ROWS_PER_CHUNK);
            for (int row = chunk * ROWS_PER_CHUNK; row < end; row++) {
                solver.solve(target, row, fixed, gram, params.regularization(), params.alpha(), params.cgSteps(),
                        columns, values, interactions.rowStart(row), interactions.rowEnd(row));
            }
        });
    }

    /**
     * Solves one customer's vector with the product factors fixed, from zero and with as many CG steps as factors
     * (exact up to rounding): the fold-in of a customer's new purchases without retraining.
     */
    public static float[] foldIn(FactorMatrix items, double[] itemGram, int[] products, float[] strength, AlsParams params) {
        FactorMatrix one = new FactorMatrix(1, params.factors(), new float[params.factors()]);
        new RowSolver(params.factors()).solve(one, 0, items, itemGram, params.regularization(), params.alpha(),
                params.factors(), products, strength, 0, products.length);
        return one.data();
    }

    /**
     * The training objective Σ_u Σ_i c_ui (p_ui − x_uᵀy_i)² + λ(Σ|x_u|² + Σ|y_i|²), computed without touching the
     * empty cells one by one: Σ_u x_uᵀ(YᵀY)x_u covers every cell as if empty, and each interaction adds its
     * correction (c − 1)s² − 2cs + c with s = x_uᵀy_i.
     */
    public static double loss(CsrMatrix userItems, AlsFactors factors, AlsParams params) {
        FactorMatrix users = factors.users();
        FactorMatrix items = factors.items();
        int k = params.factors();
        double[] gram = items.gram();
        float[] x = users.data();
        float[] y = items.data();
        double total = IntStream.range(0, users.rows()).parallel().mapToDouble(u -> {
            int ub = u * k;
            double sum = 0;
            for (int a = 0; a < k; a++) {
                double ga = 0;
                for (int b = 0; b < k; b++) {
                    ga += gram[a * k + b] * x[ub + b];
                }
                sum += x[ub + a] * ga;
            }
            for (int e = userItems.rowStart(u); e < userItems.rowEnd(u); e++) {
                double c = 1 + params.alpha() * userItems.value(e);
                int yb = userItems.column(e) * k;
                double s = 0;
                for (int f = 0; f < k; f++) {
                    s += x[ub + f] * y[yb + f];
                }
                sum += (c - 1) * s * s - 2 * c * s + c;
            }
            return sum;
        }).sum();
        return total + params.regularization() * (squaredNorm(x) + squaredNorm(y));
    }

    private static double squaredNorm(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return sum;
    }
}
