package com.commerceinsight.prediction.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Collection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.commerceinsight.prediction.features.CustomerHistory;
import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.features.Snapshot;
import com.commerceinsight.prediction.training.GeneratedShop;

/**
 * The original labelling leaks: on the generated shop its label, a weighted sum of the features themselves, is
 * recovered almost perfectly by cross-validation, while the same labels shuffled score chance and the honest future
 * label scores far lower (the out-of-time figures in the README).
 */
class OriginalLabellingTest {

    static Snapshot atEnd;
    static OriginalLabelling.WeightedSum sum;
    static Collection<CustomerHistory> histories;

    @BeforeAll
    static void snapshotAtTheEnd() throws Exception {
        histories = GeneratedShop.histories().values();
        atEnd = Snapshot.at(histories, LocalDateTime.of(2025, 1, 1, 0, 0), 0);
        sum = OriginalLabelling.weightedSum(atEnd.features());
    }

    @Test
    void totalSpentIsTheLargestTermOfTheWeightedSum() {
        var shares = sum.shares(atEnd.features());
        assertThat(OriginalLabelling.byShare(shares).get(0)).isEqualTo(RepurchaseFeature.TOTAL_SPENT);
        // Unscaled, a money column outweighs the counts and rates: far above an even share of the sum.
        assertThat(shares.get(RepurchaseFeature.TOTAL_SPENT)).isGreaterThan(5.0 / shares.size());
    }

    @Test
    void theLeakyLabelIsRecoveredAlmostPerfectlyAndItsShuffledControlIsChance() {
        int[] leaky = OriginalLabelling.leakyLabels(sum.sums());
        OriginalLabelling.Figures original = OriginalLabelling.crossValidated("leaky", OriginalLabelling.relabelled(atEnd, leaky), 5, 42);
        OriginalLabelling.Figures control = OriginalLabelling.crossValidated("shuffled",
                OriginalLabelling.relabelled(atEnd, OriginalLabelling.shuffled(leaky, 7)), 5, 42);
        OriginalLabelling.Figures honest = OriginalLabelling.crossValidated("future purchase",
                Snapshot.at(histories, LocalDateTime.of(2024, 10, 1, 0, 0), 90), 5, 42);
        System.out.println(original + "\n" + control + "\n" + honest);
        assertThat(original.rocAuc()).isGreaterThan(0.97);
        assertThat(original.accuracy()).isGreaterThan(0.9);
        assertThat(control.rocAuc()).isBetween(0.42, 0.58);
        assertThat(honest.rocAuc()).isLessThan(original.rocAuc());
    }
}
