package com.commerceinsight.recommender.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.commerceinsight.recommender.als.CsrMatrix;

class ItemSimilarityTest {

    @Test
    void keptNeighboursAreTheTopCosinesOfADenseComputation() {
        Random random = new Random(3);
        int users = 40;
        int items = 12;
        boolean[][] bought = new boolean[users][items];
        List<int[]> cells = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < items; i++) {
                if (random.nextDouble() < 0.3) {
                    bought[u][i] = true;
                    cells.add(new int[] {u, i});
                }
            }
        }
        CsrMatrix matrix = CsrMatrix.fromTriples(users, items, cells.stream().mapToInt(c -> c[0]).toArray(),
                cells.stream().mapToInt(c -> c[1]).toArray(), new float[cells.size()]);
        matrix = ones(matrix);
        ItemSimilarity similarity = ItemSimilarity.fit(matrix, 3);

        for (int i = 0; i < items; i++) {
            double[] cosine = new double[items];
            for (int j = 0; j < items; j++) {
                int both = 0;
                int ni = 0;
                int nj = 0;
                for (int u = 0; u < users; u++) {
                    both += bought[u][i] && bought[u][j] ? 1 : 0;
                    ni += bought[u][i] ? 1 : 0;
                    nj += bought[u][j] ? 1 : 0;
                }
                cosine[j] = i == j ? -1 : both / Math.sqrt((double) ni * nj);
            }
            double[] sorted = cosine.clone();
            java.util.Arrays.sort(sorted);
            double third = sorted[items - 3];
            CsrMatrix kept = similarity.neighbours();
            assertThat(kept.rowLength(i)).isEqualTo(3);
            for (int e = kept.rowStart(i); e < kept.rowEnd(i); e++) {
                assertThat((double) kept.value(e)).isCloseTo(cosine[kept.column(e)], within(1e-6));
                assertThat((double) kept.value(e)).isGreaterThanOrEqualTo(third - 1e-6);
            }
        }
    }

    private static CsrMatrix ones(CsrMatrix matrix) {
        int[] r = new int[matrix.nonZeros()];
        int[] c = new int[matrix.nonZeros()];
        float[] v = new float[matrix.nonZeros()];
        for (int row = 0; row < matrix.rows(); row++) {
            for (int e = matrix.rowStart(row); e < matrix.rowEnd(row); e++) {
                r[e] = row;
                c[e] = matrix.column(e);
                v[e] = 1;
            }
        }
        return CsrMatrix.fromTriples(matrix.rows(), matrix.cols(), r, c, v);
    }
}
