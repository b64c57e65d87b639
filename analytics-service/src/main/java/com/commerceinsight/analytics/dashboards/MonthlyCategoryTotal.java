package com.commerceinsight.analytics.dashboards;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A row of commerce.monthly_category_totals: the category totals of a month, under its first day. */
@Entity
@Immutable
@Table(schema = "commerce", name = "monthly_category_totals")
class MonthlyCategoryTotal extends OrderFigures {

    @Id
    Long id;
    @Column(name = "category_id")
    long categoryId;
}
