package com.commerceinsight.analytics.dashboards;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A row of commerce.monthly_payment_summary: the payment summary of a month, under its first day. */
@Entity
@Immutable
@Table(schema = "commerce", name = "monthly_payment_summary")
class MonthlyPaymentSummary extends SummarisedPayments {

    @Id
    Long id;
}
