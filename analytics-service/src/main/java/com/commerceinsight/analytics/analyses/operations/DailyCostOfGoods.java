package com.commerceinsight.analytics.analyses.operations;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Cost of goods sold on one day, valued at list price (the schema has no purchase cost)")
public record DailyCostOfGoods(LocalDate day,
        @Schema(description = "Units out by sale movements minus units back by return movements, times the product's price; "
                + "0 on a day without movements") BigDecimal costOfGoods,
        @Schema(description = "Mean of costOfGoods over this day and the 29 calendar days before (days without movements "
                + "count as 0), 2 decimals; null while fewer than 30 days of data precede") BigDecimal movingAverage30Days) {
}
