package com.commerceinsight.recommender.similarity;

import java.util.stream.IntStream;

import com.commerceinsight.recommender.als.CsrMatrix;
import com.commerceinsight.recommender.scoring.TopK;

/**
 * Item-item cosine similarity over co-purchases: two products are similar when the same customers bought both,
 * cos(i, j) = |U_i ∩ U_j| / sqrt(|U_i|·|U_j|) on the binary customer sets. Only each product's top neighbours are
 * kept (a sparse products × products matrix), which is all that scoring and "similar products" read.
 */
public final class ItemSimilarity {

    private final CsrMatrix neighbours;

    public ItemSimilarity(CsrMatrix neighbours) {
        this.neighbours = neighbours;
    }

    /**
     * Computes every product's top {@code neighbours} by walking, for each product, its buyers' other products
     * (cost Σ over customers of their products squared), in parallel over products with a dense counter each.
     */
    public static ItemSimilarity fit(CsrMatrix userItems, int neighbours) {
        CsrMatrix itemUsers = userItems.transpose();
        int items = userItems.cols();
        int[][] keptItems = new int[items][];
        float[][] keptSims = new float[items][];
        int chunkSize = 64;
        IntStream.range(0, (items + chunkSize - 1) / chunkSize).parallel().forEach(chunk -> {
            double[] co = new double[items];
            int[] touched = new int[items];
            for (int i = chunk * chunkSize; i < Math.min(items, (chunk + 1) * chunkSize); i++) {
                int touchedCount = 0;
                for (int e = itemUsers.rowStart(i); e < itemUsers.rowEnd(i); e++) {
                    int user = itemUsers.column(e);
                    for (int f = userItems.rowStart(user); f < userItems.rowEnd(user); f++) {
                        int j = userItems.column(f);
                        if (j != i) {
                            if (co[j] == 0) {
                                touched[touchedCount++] = j;
                            }
                            co[j]++;
                        }
                    }
                }
                double ni = itemUsers.rowLength(i);
                for (int t = 0; t < touchedCount; t++) {
                    int j = touched[t];
                    co[j] = co[j] / Math.sqrt(ni * itemUsers.rowLength(j));
                }
                int[] best = TopK.select(co, neighbours, j -> co[j] > 0);
                keptItems[i] = best;
                keptSims[i] = new float[best.length];
                for (int b = 0; b < best.length; b++) {
                    keptSims[i][b] = (float) co[best[b]];
                }
                for (int t = 0; t < touchedCount; t++) {
                    co[touched[t]] = 0;
                }
            }
        });
        return new ItemSimilarity(toCsr(items, keptItems, keptSims));
    }

    private static CsrMatrix toCsr(int items, int[][] keptItems, float[][] keptSims) {
        int total = 0;
        for (int[] row : keptItems) {
            total += row.length;
        }
        int[] rows = new int[total];
        int[] cols = new int[total];
        float[] values = new float[total];
        int at = 0;
        for (int i = 0; i < items; i++) {
            for (int b = 0; b < keptItems[i].length; b++) {
                rows[at] = i;
                cols[at] = keptItems[i][b];
                values[at++] = keptSims[i][b];
            }
        }
        return CsrMatrix.fromTriples(items, items, rows, cols, values);
    }

    /** The sparse neighbour matrix: row i holds i's kept neighbours and their cosine. */
    public CsrMatrix neighbours() {
        return neighbours;
    }

    /** Adds to {@code scores[j]} the similarity of j to each of the given products: the item-item score of a history. */
    public void scoreHistory(int[] history, double[] scores) {
        for (int i : history) {
            for (int e = neighbours.rowStart(i); e < neighbours.rowEnd(i); e++) {
                scores[neighbours.column(e)] += neighbours.value(e);
            }
        }
    }

    /** The cosine of i and j if j is among i's kept neighbours, else 0. */
    public double similarity(int i, int j) {
        return neighbours.get(i, j);
    }
}
