package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The columns the daily and the monthly payment summaries share (see db/changes/dashboards.xml for their meaning). */
@MappedSuperclass
abstract class SummarisedPayments {

    @Column(name = "summary_date")
    LocalDate day;
    @Column(name = "customer_state")
    String customerState;
    @Column(name = "customer_country")
    String customerCountry;
    @Column(name = "payment_method")
    String paymentMethod;
    @Column(name = "pending_attempts")
    long pendingAttempts;
    @Column(name = "succeeded_attempts")
    long succeededAttempts;
    @Column(name = "failed_attempts")
    long failedAttempts;
    @Column(name = "refunded_attempts")
    long refundedAttempts;
    @Column(name = "succeeded_amount")
    BigDecimal succeededAmount;
    @Column(name = "refunded_amount")
    BigDecimal refundedAmount;
}
