package com.commerceinsight.segmentation.models;

import java.util.List;

import com.commerceinsight.segmentation.clustering.Pca;
import com.commerceinsight.segmentation.features.FeatureScaler;
import com.commerceinsight.segmentation.rfm.RfmQuintiles;

/**
 * Everything needed to assign a customer with a trained model, stored as JSON in segmentation_model.definition.
 *
 * @param centroids  in the standardised feature space, one per segment
 * @param segmentIds the stable segment id of each centroid
 * @param names      the business name of each centroid
 * @param rfm        the training population's RFM quintile borders, for the RFM segment map (null in models trained
 *                   before it existed)
 */
public record ModelDefinition(FeatureScaler scaler, double[][] centroids, int[] segmentIds, List<String> names, Pca pca,
        RfmQuintiles rfm) {

    /** The position of a segment id among the centroids, or -1. */
    public int indexOf(int segmentId) {
        for (int c = 0; c < segmentIds.length; c++) {
            if (segmentIds[c] == segmentId) {
                return c;
            }
        }
        return -1;
    }
}
