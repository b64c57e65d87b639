package com.commerceinsight.segmentation.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.features.FeatureScaler;
import com.commerceinsight.segmentation.features.PurchaseSummary;

/**
 * Customers drawn from four planted behaviours (frequent big spenders, recent first-timers, lapsed regulars, long
 * lost one-off buyers) go through the features, the scaler and the k selection; the clustering found must match
 * the planted groups (adjusted Rand index, computed by a separate textbook implementation in the tests).
 */
class PlantedGroupsTest {

    static final LocalDateTime SNAPSHOT = LocalDateTime.of(2025, 1, 1, 0, 0);
    static final List<Feature> FEATURES = List.of(Feature.RECENCY_DAYS, Feature.FREQUENCY, Feature.MONETARY,
            Feature.TENURE_DAYS, Feature.AVERAGE_BASKET);

    /** One planted group: typical recency, orders, basket and tenure, each drawn with multiplicative noise. */
    record Group(double recencyDays, double orders, double basket, double tenureDays) {
    }

    static final List<Group> GROUPS = List.of(
            new Group(5, 30, 120, 700),
            new Group(10, 1, 30, 10),
            new Group(200, 8, 60, 600),
            new Group(500, 1, 25, 520));

    @Test
    void recoveredClustersMatchThePlantedGroups() {
        int[] planted = new int[GROUPS.size() * 300];
        double[][] points = plantedPoints(planted);

        Clustering clustering = KMeansSelection.select(points, new ClusteringSettings(2, 10, 5, 100, 50_000, 2_000, 7),
                (done, total) -> { });

        assertThat(clustering.k()).isEqualTo(4);
        assertThat(clustering.unconstrainedK()).isEqualTo(4);
        assertThat(clustering.scores()).extracting(KScore::k).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(AdjustedRandIndex.of(planted, clustering.labels())).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void kIsChosenInsideTheBusinessRangeAndTheDataPreferenceIsReportedBeside() {
        int[] planted = new int[GROUPS.size() * 300];
        double[][] points = plantedPoints(planted);

        Clustering clustering = KMeansSelection.select(points, new ClusteringSettings(2, 10, 5, 8, 5, 100, 50_000, 2_000, 7),
                (done, total) -> { });

        assertThat(clustering.k()).isBetween(5, 8);
        assertThat(clustering.unconstrainedK()).isEqualTo(4);
        assertThat(clustering.centroids()).hasNumberOfRows(clustering.k());
        assertThat(java.util.stream.IntStream.of(clustering.labels()).allMatch(label -> label >= 0 && label < clustering.k())).isTrue();
        // Every k is still tried and reported, the chosen one with the scores it was chosen by.
        assertThat(clustering.scores()).extracting(KScore::k).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        KScore chosen = clustering.scores().stream().filter(s -> s.k() == clustering.k()).findFirst().orElseThrow();
        assertThat(chosen.inertia()).isEqualTo(ClusterQuality.inertia(points, clustering.labels(), clustering.centroids()));
    }

    /** Customers of the planted groups in turn, standardised; {@code planted} receives each one's group. */
    private static double[][] plantedPoints(int[] planted) {
        Random random = new Random(42);
        double[][] raw = new double[planted.length][];
        for (int i = 0; i < raw.length; i++) {
            planted[i] = i % GROUPS.size();
            raw[i] = customer(i, GROUPS.get(planted[i]), random).values(FEATURES, SNAPSHOT);
        }
        return FeatureScaler.fit(FEATURES, raw, 1.0).standardizeAll(raw);
    }

    @Test
    void sameSeedGivesTheSameClustering() {
        Random random = new Random(1);
        double[][] points = new double[600][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] { (i % 3) * 4 + random.nextGaussian(), random.nextGaussian() };
        }
        ClusteringSettings settings = new ClusteringSettings(2, 6, 3, 100, 200, 300, 11);
        Clustering first = KMeansSelection.select(points, settings, (done, total) -> { });
        Clustering second = KMeansSelection.select(points, settings, (done, total) -> { });
        assertThat(second.labels()).isEqualTo(first.labels());
        assertThat(second.centroids()).isEqualTo(first.centroids());
    }

    @Test
    void adjustedRandIndexIgnoresLabelNamesAndPunishesAWrongSplit() {
        assertThat(AdjustedRandIndex.of(new int[] { 0, 0, 1, 1, 2, 2 }, new int[] { 5, 5, 3, 3, 9, 9 })).isEqualTo(1.0);
        // pairs: a has 2 same-cluster pairs, b has 2, none shared; 6 pairs in all: (0 - 2 * 2 / 6) / (2 - 4 / 6) = -0.5
        assertThat(AdjustedRandIndex.of(new int[] { 0, 0, 1, 1 }, new int[] { 0, 1, 0, 1 })).isCloseTo(-0.5, org.assertj.core.api.Assertions.within(1e-12));
    }

    static PurchaseSummary customer(long id, Group group, Random random) {
        int orders = (int) Math.max(1, Math.round(group.orders() * noise(random)));
        double spend = orders * group.basket() * noise(random);
        double tenure = group.tenureDays() * noise(random);
        double recency = Math.min(tenure, group.recencyDays() * noise(random));
        LocalDateTime first = SNAPSHOT.minusMinutes(Math.round(tenure * 1440));
        LocalDateTime last = SNAPSHOT.minusMinutes(Math.round(recency * 1440));
        return new PurchaseSummary(id, orders, spend, first, last, 0);
    }

    /** A factor around 1 (log-normal, sigma 0.15). */
    static double noise(Random random) {
        return Math.exp(0.15 * random.nextGaussian());
    }
}
