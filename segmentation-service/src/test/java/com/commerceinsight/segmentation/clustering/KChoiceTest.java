package com.commerceinsight.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class KChoiceTest {

    private static KScore score(int k, double silhouette, double daviesBouldin) {
        return new KScore(k, silhouette, daviesBouldin, 0, 0);
    }

    @Test
    void theSmallestSumOfRanksInsideTheRangeWinsOverTheHighestSilhouetteAlone() {
        List<KScore> scores = List.of(score(2, 0.60, 0.50), score(3, 0.45, 0.80),
                score(4, 0.40, 0.90),  // silhouette rank 0, Davies–Bouldin rank 2: sum 2
                score(5, 0.35, 0.60),  // ranks 1 and 0: sum 1
                score(6, 0.30, 0.70),  // ranks 2 and 1: sum 3
                score(9, 0.10, 0.20)); // outside the range, best Davies–Bouldin of all

        assertThat(KChoice.choose(scores, 4, 8)).isEqualTo(5);
        assertThat(KChoice.bestSilhouette(scores)).isEqualTo(2);
    }

    @Test
    void aTieOfRankSumsGoesToTheHigherSilhouette() {
        List<KScore> scores = List.of(score(4, 0.40, 0.70), score(5, 0.35, 0.60), score(6, 0.20, 0.95));

        assertThat(KChoice.choose(scores, 4, 8)).isEqualTo(4);
    }

    @Test
    void withNoKInsideTheRangeTheWholeRangeIsUsed() {
        // Too few customers for k = 6: the k tried are ranked as they are (sums 2, 1 and 3).
        List<KScore> scores = List.of(score(2, 0.50, 0.90), score(3, 0.45, 0.50), score(4, 0.30, 0.60));

        assertThat(KChoice.choose(scores, 6, 8)).isEqualTo(3);
    }
}
