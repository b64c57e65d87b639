package com.commerceinsight.analytics.dashboards;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A row of commerce.daily_category_totals: the category summary of a day summed over customer state, country and payment method. */
@Entity
@Immutable
@Table(schema = "commerce", name = "daily_category_totals")
class DailyCategoryTotal extends OrderFigures {

    @Id
    Long id;
    @Column(name = "category_id")
    long categoryId;
}
