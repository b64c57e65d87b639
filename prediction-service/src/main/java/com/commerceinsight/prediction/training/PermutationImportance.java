package com.commerceinsight.prediction.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * How much ROC AUC a model loses on a data set when one feature's column is shuffled (breaking its link to the
 * label and keeping its distribution): the mean drop over a few shuffles. Computed on the test set, so it shows
 * what the model relies on for customers it has not seen.
 */
public final class PermutationImportance {

    private PermutationImportance() {
    }

    /**
     * @param flatRows scaled rows, row-major, {@code names.size()} columns
     * @param predict  probabilities for flat rows
     */
    public static Map<String, Double> aucDrops(float[] flatRows, int[] labels, List<String> names, Function<float[], double[]> predict,
                                               int repeats, long seed) {
        int columns = names.size();
        int rows = labels.length;
        double baseline = ClassificationMetrics.rocAuc(labels, predict.apply(flatRows));
        Random random = new Random(seed);
        Map<String, Double> drops = new LinkedHashMap<>();
        for (int c = 0; c < columns; c++) {
            double total = 0;
            for (int r = 0; r < repeats; r++) {
                float[] shuffled = flatRows.clone();
                for (int i = rows - 1; i > 0; i--) {
                    int j = random.nextInt(i + 1);
                    float swap = shuffled[i * columns + c];
                    shuffled[i * columns + c] = shuffled[j * columns + c];
                    shuffled[j * columns + c] = swap;
                }
                total += baseline - ClassificationMetrics.rocAuc(labels, predict.apply(shuffled));
            }
            drops.put(names.get(c), total / repeats);
        }
        return drops;
    }
}
