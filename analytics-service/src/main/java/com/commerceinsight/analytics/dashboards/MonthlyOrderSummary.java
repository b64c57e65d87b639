package com.commerceinsight.analytics.dashboards;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A row of commerce.monthly_order_summary: the order summary of a month, under its first day. */
@Entity
@Immutable
@Table(schema = "commerce", name = "monthly_order_summary")
class MonthlyOrderSummary extends SummarisedOrders {

    @Id
    Long id;
}
