package com.commerceinsight.analytics.analyses.customers;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One customer's sales on one calendar day, as the database sums them: the input of the customer-level analyses. */
public record CustomerDay(long customerId, LocalDate day, long orders, BigDecimal revenue) {
}
