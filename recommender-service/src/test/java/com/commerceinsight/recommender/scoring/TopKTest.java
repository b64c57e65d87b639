package com.commerceinsight.recommender.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class TopKTest {

    @Test
    void selectsTheSameIndicesAsAFullSort() {
        Random random = new Random(5);
        for (int trial = 0; trial < 50; trial++) {
            double[] scores = IntStream.range(0, 200).mapToDouble(i -> random.nextInt(50)).toArray();
            int k = 1 + random.nextInt(30);
            int[] expected = IntStream.range(0, scores.length).filter(i -> i % 3 != 0).boxed()
                    .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).toArray();

            assertThat(TopK.select(scores, k, i -> i % 3 != 0)).containsExactly(expected);
        }
    }

    @Test
    void fewerAllowedThanKGivesAllAllowed() {
        assertThat(TopK.select(new double[] {1, 5, 3}, 10, i -> i != 1)).containsExactly(2, 0);
    }
}
