package com.commerceinsight.segmentation.rfm;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The named cells of the RFM segment map, on a 5 x 5 grid of the recency score (R) against the mean of the frequency
 * and monetary scores (FM, rounded half up), each 1-5 with 5 the best:
 * <pre>
 *   FM \ R      1                 2                 3                4                    5
 *   5       Can't lose them   Can't lose them   Loyal            Champions            Champions
 *   4       At risk           At risk           Loyal            Loyal                Champions
 *   3       At risk           At risk           Need attention   Potential loyalists  Potential loyalists
 *   2       Hibernating       Hibernating       About to sleep   Potential loyalists  Potential loyalists
 *   1       Lost              Hibernating       About to sleep   Promising            New
 * </pre>
 * Every (R, FM) has exactly one cell. The names are the map marketers know; where published maps differ in a cell's
 * borders, this grid keeps the reading they share: the right column is recent, the top row valuable, and a cell's
 * name says what to do about it.
 */
public enum RfmCell {
    CHAMPIONS("Champions"),
    LOYAL("Loyal"),
    POTENTIAL_LOYALISTS("Potential loyalists"),
    NEW("New"),
    PROMISING("Promising"),
    NEED_ATTENTION("Need attention"),
    ABOUT_TO_SLEEP("About to sleep"),
    AT_RISK("At risk"),
    CANT_LOSE_THEM("Can't lose them"),
    HIBERNATING("Hibernating"),
    LOST("Lost");

    /** GRID[fm - 1][r - 1]. */
    private static final RfmCell[][] GRID = {
            { LOST, HIBERNATING, ABOUT_TO_SLEEP, PROMISING, NEW },
            { HIBERNATING, HIBERNATING, ABOUT_TO_SLEEP, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS },
            { AT_RISK, AT_RISK, NEED_ATTENTION, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS },
            { AT_RISK, AT_RISK, LOYAL, LOYAL, CHAMPIONS },
            { CANT_LOSE_THEM, CANT_LOSE_THEM, LOYAL, CHAMPIONS, CHAMPIONS },
    };

    private final String label;

    RfmCell(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The cell of a recency score and a combined frequency-monetary score, both 1-5. */
    public static RfmCell of(int recency, int frequencyMonetary) {
        if (recency < 1 || recency > 5 || frequencyMonetary < 1 || frequencyMonetary > 5) {
            throw new IllegalArgumentException("scores are 1-5, got R " + recency + ", FM " + frequencyMonetary);
        }
        return GRID[frequencyMonetary - 1][recency - 1];
    }

    /** The combined score: the mean of F and M, halves rounded up. */
    public static int frequencyMonetary(int frequency, int monetary) {
        return (frequency + monetary + 1) / 2;
    }
}
