package com.commerceinsight.segmentation.clustering;

import java.util.Comparator;
import java.util.List;

/**
 * Chooses k from the scores of the k tried, inside the business range, by silhouette and Davies–Bouldin together:
 * each k is ranked by both (higher silhouette, lower Davies–Bouldin first) and the smallest sum of ranks wins, ties
 * going to the higher silhouette, then to the smaller k. Why two: silhouette alone favours the fewest, roundest
 * clusters (on shop data often k = 2); Davies–Bouldin weighs separation against spread differently, and a k both
 * place well is a clustering neither index argues against. Ranks, not values, because the two are on different scales.
 */
public final class KChoice {

    private KChoice() {
    }

    /** The chosen k among {@code scores} with k in [from, to]; over all scores when none lies there (too few points). */
    public static int choose(List<KScore> scores, int from, int to) {
        List<KScore> candidates = scores.stream().filter(s -> s.k() >= from && s.k() <= to).toList();
        if (candidates.isEmpty()) {
            candidates = scores;
        }
        List<KScore> bySilhouette = candidates.stream().sorted(Comparator.comparingDouble(KScore::silhouette).reversed()).toList();
        List<KScore> byDaviesBouldin = candidates.stream().sorted(Comparator.comparingDouble(KScore::daviesBouldin)).toList();
        return candidates.stream()
                .min(Comparator.<KScore>comparingInt(s -> bySilhouette.indexOf(s) + byDaviesBouldin.indexOf(s))
                        .thenComparing(Comparator.comparingDouble(KScore::silhouette).reversed())
                        .thenComparingInt(KScore::k))
                .orElseThrow(() -> new IllegalArgumentException("no k was tried"))
                .k();
    }

    /** The k of the highest silhouette among all scores (ties: the smaller k). */
    public static int bestSilhouette(List<KScore> scores) {
        return scores.stream().max(Comparator.comparingDouble(KScore::silhouette).thenComparing(Comparator.comparingInt(KScore::k).reversed()))
                .orElseThrow(() -> new IllegalArgumentException("no k was tried")).k();
    }
}
