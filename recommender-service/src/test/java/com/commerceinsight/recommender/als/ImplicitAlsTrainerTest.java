package com.commerceinsight.recommender.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The ALS solver against independent dense computations on small matrices. */
class ImplicitAlsTrainerTest {

    @Test
    void conjugateGradientSolveEqualsDirectSolveOfTheNormalEquations() {
        SmallRow row = new SmallRow();
        double[][] a = row.denseSystem();
        for (int p = 0; p < row.k; p++) {
            for (int e = 0; e < row.bought.length; e++) {
                a[p][row.k] += (1 + row.params.alpha() * row.strength[e]) * row.y[row.bought[e] * row.k + p];
            }
        }
        double[] expected = gaussianElimination(a);

        float[] solved = ImplicitAlsTrainer.foldIn(row.itemFactors, row.itemFactors.gram(), row.bought, row.strength, row.params);

        for (int f = 0; f < row.k; f++) {
            assertThat((double) solved[f]).isCloseTo(expected[f], within(1e-4));
        }
    }

    @Test
    void choleskySolveOfTheRowSystemEqualsGaussianElimination() {
        SmallRow row = new SmallRow();
        RowSystem system = RowSystem.of(row.itemFactors, row.itemFactors.gram(), row.params.regularization(),
                row.params.alpha(), row.bought, row.strength, 0, row.bought.length);
        for (int target = 0; target < row.items; target++) {
            double[][] a = row.denseSystem();
            for (int p = 0; p < row.k; p++) {
                a[p][row.k] = row.y[target * row.k + p];
            }
            double[] expected = gaussianElimination(a);

            double[] solved = system.solveFor(row.itemFactors, target);

            for (int f = 0; f < row.k; f++) {
                assertThat(solved[f]).isCloseTo(expected[f], within(1e-9));
            }
        }
    }

    /** Six random product vectors of four factors and a customer who bought three of them. */
    private static final class SmallRow {
        final int items = 6;
        final int k = 4;
        final float[] y = new float[items * k];
        final FactorMatrix itemFactors;
        final int[] bought = {0, 2, 5};
        final float[] strength = {2f, 0.5f, 3f};
        final AlsParams params = new AlsParams(k, 0.3, 4.0, 1, 3, 1);

        SmallRow() {
            Random random = new Random(7);
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) random.nextGaussian();
            }
            itemFactors = new FactorMatrix(items, k, y);
        }

        /** A = YᵀY + λI + Σ (c − 1) y yᵀ written out densely over every product, with a zero right-hand column. */
        double[][] denseSystem() {
            double[][] a = new double[k][k + 1];
            for (int i = 0; i < items; i++) {
                double c = 1;
                for (int e = 0; e < bought.length; e++) {
                    if (bought[e] == i) {
                        c = 1 + params.alpha() * strength[e];
                    }
                }
                for (int p = 0; p < k; p++) {
                    for (int q = 0; q < k; q++) {
                        a[p][q] += c * y[i * k + p] * y[i * k + q];
                    }
                }
            }
            for (int p = 0; p < k; p++) {
                a[p][p] += params.regularization();
            }
            return a;
        }
    }

    @Test
    void lossComputedWithTheGramTrickEqualsTheSumOverEveryCell() {
        CsrMatrix matrix = randomMatrix(25, 15, 0.2, 3);
        AlsParams params = new AlsParams(5, 0.1, 10, 3, 3, 11);
        AlsFactors factors = ImplicitAlsTrainer.train(matrix, params, null);

        assertThat(ImplicitAlsTrainer.loss(matrix, factors, params))
                .isCloseTo(denseLoss(matrix, factors, params), within(1e-6 * denseLoss(matrix, factors, params)));
    }

    @Test
    void lossNeverIncreasesFromSweepToSweep() {
        CsrMatrix matrix = randomMatrix(60, 40, 0.1, 5);
        AlsParams params = new AlsParams(8, 0.05, 20, 12, 3, 3);
        List<Double> losses = new ArrayList<>();
        ImplicitAlsTrainer.train(matrix, params, (sweep, factors) -> losses.add(denseLoss(matrix, factors, params)));

        assertThat(losses).hasSize(12);
        for (int i = 1; i < losses.size(); i++) {
            assertThat(losses.get(i)).isLessThanOrEqualTo(losses.get(i - 1) * (1 + 1e-6));
        }
        assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0));
    }

    @Test
    void plantedBlocksAreRecovered() {
        // 3 taste blocks: users 0-19 buy from items 0-9, users 20-39 from 10-19, users 40-59 from 20-29.
        Random random = new Random(42);
        List<int[]> cells = new ArrayList<>();
        int[] heldOut = new int[60];
        for (int u = 0; u < 60; u++) {
            int block = u / 20;
            heldOut[u] = block * 10 + random.nextInt(10);
            for (int i = block * 10; i < block * 10 + 10; i++) {
                if (i != heldOut[u] && random.nextDouble() < 0.5) {
                    cells.add(new int[] {u, i});
                }
            }
        }
        CsrMatrix matrix = matrixOf(60, 30, cells);
        // As many factors as blocks: more would let ALS fit each user's own gaps, the held-out item included.
        AlsFactors factors = ImplicitAlsTrainer.train(matrix, new AlsParams(3, 0.1, 10, 10, 3, 9), null);

        for (int u = 0; u < 60; u++) {
            int block = u / 20;
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < 30; i++) {
                if (matrix.get(u, i) == 0 && factors.score(u, i) > bestScore) {
                    bestScore = factors.score(u, i);
                    best = i;
                }
            }
            assertThat(best / 10).as("block of user %d's best unseen item", u).isEqualTo(block);
            double heldOutScore = factors.score(u, heldOut[u]);
            for (int i = 0; i < 30; i++) {
                if (i / 10 != block) {
                    assertThat(heldOutScore).as("held-out item of user %d above item %d of another block", u, i)
                            .isGreaterThan(factors.score(u, i));
                }
            }
        }
    }

    @Test
    void sameSeedGivesTheSameFactorsWhateverTheThreads() {
        CsrMatrix matrix = randomMatrix(700, 50, 0.05, 8);
        AlsParams params = new AlsParams(6, 0.1, 5, 4, 3, 21);
        AlsFactors first = ImplicitAlsTrainer.train(matrix, params, null);
        AlsFactors second = ImplicitAlsTrainer.train(matrix, params, null);

        assertThat(first.users().data()).containsExactly(second.users().data());
        assertThat(first.items().data()).containsExactly(second.items().data());
    }

    @Test
    void transposeSwapsRowsAndColumnsAndRepeatedCellsAreSummed() {
        CsrMatrix matrix = CsrMatrix.fromTriples(2, 3, new int[] {1, 0, 1, 1}, new int[] {2, 1, 0, 2},
                new float[] {1f, 2f, 3f, 4f});

        assertThat(matrix.get(1, 2)).isEqualTo(5f);
        assertThat(matrix.rowColumns(1)).containsExactly(0, 2);
        CsrMatrix transposed = matrix.transpose();
        assertThat(transposed.rows()).isEqualTo(3);
        assertThat(transposed.get(2, 1)).isEqualTo(5f);
        assertThat(transposed.get(1, 0)).isEqualTo(2f);
        assertThat(transposed.get(0, 0)).isZero();
        assertThat(transposed.nonZeros()).isEqualTo(3);
    }

    /** Σ over every cell of c (p − s)² plus the penalty, cell by cell. */
    static double denseLoss(CsrMatrix matrix, AlsFactors factors, AlsParams params) {
        double sum = 0;
        for (int u = 0; u < matrix.rows(); u++) {
            for (int i = 0; i < matrix.cols(); i++) {
                double r = matrix.get(u, i);
                double c = 1 + params.alpha() * r;
                double p = r > 0 ? 1 : 0;
                double s = factors.score(u, i);
                sum += c * (p - s) * (p - s);
            }
        }
        double norms = 0;
        for (float v : factors.users().data()) {
            norms += v * v;
        }
        for (float v : factors.items().data()) {
            norms += v * v;
        }
        return sum + params.regularization() * norms;
    }

    private static double[] gaussianElimination(double[][] augmented) {
        int n = augmented.length;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(augmented[row][col]) > Math.abs(augmented[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = augmented[col];
            augmented[col] = augmented[pivot];
            augmented[pivot] = swap;
            for (int row = 0; row < n; row++) {
                if (row != col) {
                    double factor = augmented[row][col] / augmented[col][col];
                    for (int c = col; c <= n; c++) {
                        augmented[row][c] -= factor * augmented[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = augmented[i][n] / augmented[i][i];
        }
        return x;
    }

    private static CsrMatrix randomMatrix(int rows, int cols, double density, long seed) {
        Random random = new Random(seed);
        List<int[]> cells = new ArrayList<>();
        for (int u = 0; u < rows; u++) {
            for (int i = 0; i < cols; i++) {
                if (random.nextDouble() < density) {
                    cells.add(new int[] {u, i, 1 + random.nextInt(3)});
                }
            }
        }
        return matrixOf(rows, cols, cells);
    }

    private static CsrMatrix matrixOf(int rows, int cols, List<int[]> cells) {
        int[] r = new int[cells.size()];
        int[] c = new int[cells.size()];
        float[] v = new float[cells.size()];
        for (int e = 0; e < cells.size(); e++) {
            r[e] = cells.get(e)[0];
            c[e] = cells.get(e)[1];
            v[e] = cells.get(e).length > 2 ? cells.get(e)[2] : 1;
        }
        return CsrMatrix.fromTriples(rows, cols, r, c, v);
    }
}
