package com.commerceinsight.recommender.buyagain;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's buy-again list. */
@Schema(description = "Products the customer bought before, most likely to be bought again first")
public record BuyAgainList(
        long customerId,
        @Schema(description = "the ranking that ordered the list (rate-x-product-share: docs/buy-again.md)") String ranking,
        @Schema(description = "H: each score is the chance of buying the product again within this many days") int horizonDays,
        @Schema(description = "when the list was scored; days in the reasons count to it") Instant scoredAt,
        @Schema(description = "empty for a customer whose orders this service has not seen") List<Item> items) {

    @Schema(name = "BuyAgainItem", description = "A product bought before, with why it is on the list")
    public record Item(
            long productId,
            @Schema(description = "in [0, 1]: the customer's own chance of an order in H days times the product's repurchase share") double score,
            @Schema(description = "orders with the product") int orders,
            @Schema(description = "mean days between those orders; absent with one order") Double meanIntervalDays,
            Instant lastBoughtAt,
            @Schema(description = "the features in words, e.g. \"bought 4 times, usually every 30 days, last 27 days ago; 60% of its buyers buy it again\"")
            String reason) {
    }
}
