package com.commerceinsight.analytics.analyses.discounts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How many sales had a discounted product in them")
public record DiscountUsage(
        @Schema(description = "Sales orders under the filters") long orders,
        @Schema(description = "Of them, orders with a line whose product, or the product's category, had a discount code "
                + "valid at the order time (starts_at <= ordered_at < ends_at); shop-wide codes tied to neither are not counted")
        long ordersWithDiscountedLine,
        @Schema(description = "ordersWithDiscountedLine / orders; null without orders") Double share) {
}
