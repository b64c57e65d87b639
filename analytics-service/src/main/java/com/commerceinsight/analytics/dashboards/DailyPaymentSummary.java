package com.commerceinsight.analytics.dashboards;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A row of commerce.daily_payment_summary: payment attempts by the attempt's own method and current status. */
@Entity
@Immutable
@Table(schema = "commerce", name = "daily_payment_summary")
class DailyPaymentSummary extends SummarisedPayments {

    @Id
    Long id;
}
