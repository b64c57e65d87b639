package com.commerceinsight.analytics.suppliers;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A supplier's products and how they sold in the date range")
public record SupplierSummary(
        long supplierId,
        String name,
        String city,
        String country,
        @Schema(description = "Products it supplies (the product's supplier)") long products,
        @Schema(description = "Of those, products with fewer units in stock now than lowStockBelow") long lowStockProducts,
        @Schema(description = "Units of its products in sales orders of the range") long unitsSold,
        @Schema(description = "Sum of quantity x unit price of those lines") BigDecimal revenue,
        @Schema(description = "Distinct sales orders of the range holding one of its products") long orders,
        @Schema(description = "Mean rating (1-5) of every review of its products, whatever the range; null without reviews")
        Double averageRating,
        @Schema(description = "Reviews of its products") long reviews,
        @Schema(description = "Returns of orders placed in the range that hold one of its products (a return is of a "
                + "whole order, so it counts for every supplier in it)") long returns) {
}
