package com.commerceinsight.analytics.analyses.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Sales of one calendar day as the database sums them; the input of the period series. */
public record DailySales(LocalDate day, long orders, BigDecimal revenue) {
}
