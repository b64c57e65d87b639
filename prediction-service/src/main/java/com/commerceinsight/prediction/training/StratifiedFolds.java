package com.commerceinsight.prediction.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Assigns rows to k folds so that each fold holds (up to one) the same share of positives as the whole. */
public final class StratifiedFolds {

    private StratifiedFolds() {
    }

    /** The fold (0..k-1) of every row; rows of each class are shuffled with the seed and dealt round-robin. */
    public static int[] assign(int[] labels, int folds, long seed) {
        int[] fold = new int[labels.length];
        Random random = new Random(seed);
        int next = 0;
        for (int label = 0; label <= 1; label++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    rows.add(i);
                }
            }
            Collections.shuffle(rows, random);
            for (int row : rows) {
                fold[row] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }

    public static int[] rowsWhere(int[] fold, int k, boolean inFold) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < fold.length; i++) {
            if ((fold[i] == k) == inFold) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
