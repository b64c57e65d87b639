package com.commerceinsight.analytics.analyses.discounts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What the discount codes are tied to. productShare is the figure the original system published as "
        + "'percentage of orders that used a discount'; it says nothing about orders.")
public record DiscountCoverage(
        @Schema(description = "Discount codes") long codes,
        @Schema(description = "Codes tied to a product") long tiedToProduct,
        @Schema(description = "Codes tied to a category") long tiedToCategory,
        @Schema(description = "Codes tied to neither (shop-wide)") long tiedToNeither,
        @Schema(description = "tiedToProduct / codes; null without codes") Double productShare) {
}
