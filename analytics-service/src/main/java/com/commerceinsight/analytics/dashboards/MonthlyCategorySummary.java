package com.commerceinsight.analytics.dashboards;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A row of commerce.monthly_category_summary: the category summary of a month, under its first day. */
@Entity
@Immutable
@Table(schema = "commerce", name = "monthly_category_summary")
class MonthlyCategorySummary extends SummarisedOrders {

    @Id
    Long id;
    @Column(name = "category_id")
    long categoryId;
}
