package com.commerceinsight.analytics.analyses.products;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A product's sales: units and line revenue over the sales orders under the filters")
public record ProductSales(
        @Schema(description = "Product id (products are grouped by id, so two products sharing a name stay apart)") long productId,
        String name,
        String sku,
        @Schema(description = "Units sold: sum of line quantities") long units,
        @Schema(description = "Sum of quantity x unit price of its lines") BigDecimal revenue,
        @Schema(description = "Distinct sales orders with the product") long orders) {
}
