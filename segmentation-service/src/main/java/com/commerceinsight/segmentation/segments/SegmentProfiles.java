package com.commerceinsight.segmentation.segments;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.features.FeatureScaler;
import com.commerceinsight.segmentation.features.PurchaseSummary;

/** Profiles each cluster of a clustering: size, mean recency, frequency and spend, and its share of the revenue. */
public final class SegmentProfiles {

    private SegmentProfiles() {
    }

    public static List<SegmentProfile> of(List<PurchaseSummary> customers, int[] labels, LocalDateTime snapshotAt,
            double[][] centroids, int[] segmentIds, List<String> names, FeatureScaler scaler) {
        int k = centroids.length;
        int[] sizes = new int[k];
        double[] recency = new double[k];
        double[] frequency = new double[k];
        double[] monetary = new double[k];
        double revenue = 0;
        for (int i = 0; i < customers.size(); i++) {
            PurchaseSummary customer = customers.get(i);
            int c = labels[i];
            sizes[c]++;
            recency[c] += customer.value(Feature.RECENCY_DAYS, snapshotAt);
            frequency[c] += customer.value(Feature.FREQUENCY, snapshotAt);
            double spend = customer.value(Feature.MONETARY, snapshotAt);
            monetary[c] += spend;
            revenue += spend;
        }
        List<SegmentProfile> profiles = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double size = Math.max(1, sizes[c]);
            profiles.add(new SegmentProfile(segmentIds[c], names.get(c), sizes[c],
                    customers.isEmpty() ? 0 : sizes[c] / (double) customers.size(), recency[c] / size,
                    frequency[c] / size, monetary[c] / size, revenue == 0 ? 0 : monetary[c] / revenue,
                    centroidInUnits(centroids[c], scaler)));
        }
        return profiles;
    }

    public static Map<Feature, Double> centroidInUnits(double[] centroid, FeatureScaler scaler) {
        double[] raw = scaler.toRaw(centroid);
        Map<Feature, Double> byFeature = new EnumMap<>(Feature.class);
        for (int j = 0; j < raw.length; j++) {
            byFeature.put(scaler.features().get(j), raw[j]);
        }
        return byFeature;
    }
}
