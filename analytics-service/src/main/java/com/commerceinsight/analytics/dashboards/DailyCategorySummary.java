package com.commerceinsight.analytics.dashboards;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A row of commerce.daily_category_summary: the orders with a line in the category, and those lines' figures. */
@Entity
@Immutable
@Table(schema = "commerce", name = "daily_category_summary")
class DailyCategorySummary extends SummarisedOrders {

    @Id
    Long id;
    @Column(name = "category_id")
    long categoryId;
}
