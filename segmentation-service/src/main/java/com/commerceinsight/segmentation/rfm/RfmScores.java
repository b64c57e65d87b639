package com.commerceinsight.segmentation.rfm;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's quintile scores, 1-5 with 5 the best, and the cell of the RFM map they fall in. */
@Schema(description = "Quintile scores against the model's training population (5 = most recent, most orders, most spend) "
        + "and the named cell of the RFM segment map")
public record RfmScores(int recencyScore, int frequencyScore, int monetaryScore, RfmCell cell) {

    public static RfmScores of(int recency, int frequency, int monetary) {
        return new RfmScores(recency, frequency, monetary, RfmCell.of(recency, RfmCell.frequencyMonetary(frequency, monetary)));
    }

    /** The combined frequency-monetary score: with the recency score, the square of the 5 x 5 map. */
    public int frequencyMonetaryScore() {
        return RfmCell.frequencyMonetary(frequencyScore, monetaryScore);
    }
}
