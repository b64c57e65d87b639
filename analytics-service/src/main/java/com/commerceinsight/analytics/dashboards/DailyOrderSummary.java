package com.commerceinsight.analytics.dashboards;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A row of commerce.daily_order_summary, read by the dashboard queries (written only through SQL). */
@Entity
@Immutable
@Table(schema = "commerce", name = "daily_order_summary")
class DailyOrderSummary extends SummarisedOrders {

    @Id
    Long id;
}
