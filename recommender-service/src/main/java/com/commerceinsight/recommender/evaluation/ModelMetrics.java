package com.commerceinsight.recommender.evaluation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ranking quality of one model on a held-out window, averaged over the customers who bought something in it. */
@Schema(description = "Ranking quality on a held-out window, averaged over the customers who bought in it")
public record ModelMetrics(
        @Schema(description = "als, item-item or popularity; buy-again/<ranking> for buy-again") String model,
        @Schema(description = "list length the metrics are cut at") int k,
        @Schema(description = "customers evaluated: known before the cutoff and buying something new in the window "
                + "(buy-again: buying again something bought before it)") int customers,
        @Schema(description = "share of the k recommended products that were bought") double precision,
        @Schema(description = "share of the bought products that were among the k recommended") double recall,
        @Schema(description = "normalised discounted cumulative gain: hits near the top count more; 1 is a perfect order") double ndcg,
        @Schema(description = "mean average precision at k") double map,
        @Schema(description = "share of the catalogue that appears in at least one customer's list") double coverage) {
}
