package com.commerceinsight.analytics.analyses.products;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One product's sales in one period")
public record ProductPeriodSales(
        @Schema(description = "First day of the period") LocalDate periodStart,
        @Schema(description = "Sales orders with the product") long orders,
        @Schema(description = "Units of it in those orders") long units,
        @Schema(description = "Sum of quantity x unit price of its lines") BigDecimal revenue) {
}
