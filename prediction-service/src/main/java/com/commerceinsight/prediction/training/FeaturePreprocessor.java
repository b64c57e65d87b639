package com.commerceinsight.prediction.training;

import java.util.ArrayList;
import java.util.List;

/**
 * Feature selection and min-max scaling, fitted on training rows only and stored with the model so that serving
 * transforms exactly as training did. Selection keeps the columns that vary on the training rows (a constant column,
 * such as sessions in a data set without sessions, carries nothing). Missing values (NaN) stay missing.
 *
 * @param selected indexes of the kept columns in the full feature vector
 * @param minimums per kept column, its training minimum
 * @param maximums per kept column, its training maximum
 */
public record FeaturePreprocessor(int[] selected, double[] minimums, double[] maximums) {

    public static FeaturePreprocessor fit(double[][] rows, int columns) {
        List<Integer> kept = new ArrayList<>();
        List<double[]> ranges = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : rows) {
                if (!Double.isNaN(row[c])) {
                    min = Math.min(min, row[c]);
                    max = Math.max(max, row[c]);
                }
            }
            if (max > min) {
                kept.add(c);
                ranges.add(new double[] {min, max});
            }
        }
        return new FeaturePreprocessor(kept.stream().mapToInt(Integer::intValue).toArray(),
                ranges.stream().mapToDouble(r -> r[0]).toArray(), ranges.stream().mapToDouble(r -> r[1]).toArray());
    }

    public int width() {
        return selected.length;
    }

    /** One row, kept columns only, scaled to [0, 1] over the training range (beyond it outside [0, 1]). */
    public float[] transform(double[] row) {
        float[] out = new float[selected.length];
        for (int k = 0; k < selected.length; k++) {
            double value = row[selected[k]];
            out[k] = Double.isNaN(value) ? Float.NaN : (float) ((value - minimums[k]) / (maximums[k] - minimums[k]));
        }
        return out;
    }

    /** Rows flattened row-major, the layout a DMatrix is built from. */
    public float[] transformFlat(double[][] rows) {
        float[] flat = new float[rows.length * selected.length];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(transform(rows[r]), 0, flat, r * selected.length, selected.length);
        }
        return flat;
    }

    public List<String> selectedNames(List<String> allNames) {
        List<String> names = new ArrayList<>();
        for (int index : selected) {
            names.add(allNames.get(index));
        }
        return names;
    }
}
