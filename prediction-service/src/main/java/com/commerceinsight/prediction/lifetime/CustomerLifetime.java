package com.commerceinsight.prediction.lifetime;

import java.time.LocalDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One customer's BG/NBD and Gamma-Gamma predictions as the API shows them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerLifetime(
        long customerId,
        long lifetimeModelId,
        @Schema(description = "the time the predictions are for (UTC): now, or prediction.serving.as-of") LocalDateTime asOf,
        @Schema(description = "x: repeat purchases (days with a sale order after the first such day) before asOf") int frequency,
        @Schema(description = "t_x: days from the first purchase day to the last") double recencyDays,
        @Schema(description = "T: days from the first purchase day to asOf") double ageDays,
        @Schema(description = "P(still a customer at asOf)") double probabilityAlive,
        @Schema(description = "H, the horizon of the two figures below, in days (the model's)") int horizonDays,
        @Schema(description = "expected purchases (days with a sale order) in (asOf, asOf + H]") double expectedPurchases,
        @Schema(description = "P(at least one purchase in (asOf, asOf + H])") double probabilityOfPurchase,
        @Schema(description = "expected spend per future purchase (Gamma-Gamma); absent when the model has no spend part")
        Double expectedMeanSpend,
        @Schema(description = "the discounted expected spend of the next valueMonths 30-day months; absent without a spend part")
        Double lifetimeValue,
        int valueMonths,
        double monthlyDiscountRate,
        @Schema(description = "the latest sale order counted (UTC): computed on read from the commerce schema, so an order is "
                + "counted as soon as it is committed") LocalDateTime lastOrderAt) {
}
