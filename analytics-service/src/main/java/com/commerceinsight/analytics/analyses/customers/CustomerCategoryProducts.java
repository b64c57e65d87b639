package com.commerceinsight.analytics.analyses.customers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * The distinct products of a category in a customer's sales (table {@code customer_category_coverage}, written by
 * {@link CategoryCoverageRows}), read only.
 */
@Entity
@Immutable
@Table(schema = "commerce", name = "customer_category_coverage")
@IdClass(CustomerCategoryProducts.Key.class)
public class CustomerCategoryProducts {

    @Id
    @Column(name = "customer_id")
    public long customerId;

    @Id
    @Column(name = "category_id")
    public long categoryId;

    public long products;

    public record Key(long customerId, long categoryId) {
    }
}
