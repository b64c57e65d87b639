package com.commerceinsight.segmentation.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.commerceinsight.segmentation.features.Feature;
import com.commerceinsight.segmentation.features.FeatureScaler;

/**
 * Names a cluster from its centroid, read as standardised scores relative to the training population (0 is the
 * population mean of the log-scaled feature, 1 one standard deviation above). With r = -z(recency) (higher is more
 * recent), f = z(frequency), m = z(monetary), t = z(tenure) and h = 0.5:
 * <pre>
 *   recent (r ≥ 0):  f ≥ h and m ≥ h → Champions;  f ≥ h → Loyal;  t ≤ -h and f &lt; 0 → New;  else Potential loyalists
 *   lapsed (r &lt; 0): f ≥ h and m ≥ h → Can't lose them;  f ≥ 0 → At risk;  r ≥ -1 → Hibernating;  else Lost
 * </pre>
 * Every centroid gets exactly one name; when two clusters earn the same name the later ones (by descending
 * monetary score) are numbered, "Loyal (2)", so names stay unique within a model.
 */
public final class SegmentNamer {

    static final double HIGH = 0.5;

    private SegmentNamer() {
    }

    public static List<String> names(double[][] centroids, FeatureScaler scaler) {
        int monetary = scaler.indexOf(Feature.MONETARY);
        Integer[] byMonetary = new Integer[centroids.length];
        for (int c = 0; c < centroids.length; c++) {
            byMonetary[c] = c;
        }
        Arrays.sort(byMonetary, (a, b) -> Double.compare(centroids[b][monetary], centroids[a][monetary]));
        List<String> names = new ArrayList<>(Collections.nCopies(centroids.length, ""));
        Map<String, Integer> seen = new HashMap<>();
        for (int c : byMonetary) {
            String name = name(centroids[c], scaler);
            int count = seen.merge(name, 1, Integer::sum);
            names.set(c, count == 1 ? name : name + " (" + count + ")");
        }
        return names;
    }

    static String name(double[] centroid, FeatureScaler scaler) {
        double r = -score(centroid, scaler, Feature.RECENCY_DAYS);
        double f = score(centroid, scaler, Feature.FREQUENCY);
        double m = score(centroid, scaler, Feature.MONETARY);
        double t = score(centroid, scaler, Feature.TENURE_DAYS);
        if (r >= 0) {
            if (f >= HIGH && m >= HIGH) {
                return "Champions";
            }
            if (f >= HIGH) {
                return "Loyal";
            }
            return t <= -HIGH && f < 0 ? "New" : "Potential loyalists";
        }
        if (f >= HIGH && m >= HIGH) {
            return "Can't lose them";
        }
        if (f >= 0) {
            return "At risk";
        }
        return r >= -1 ? "Hibernating" : "Lost";
    }

    private static double score(double[] centroid, FeatureScaler scaler, Feature feature) {
        int index = scaler.indexOf(feature);
        return index < 0 ? 0 : centroid[index];
    }
}
