package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A row of commerce.daily_payment_summary: payment attempts by the attempt's own method and current status. */
@Entity
@Immutable
@Table(schema = "commerce", name = "daily_payment_summary")
class DailyPaymentSummary {

    @Id
    Long id;
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
