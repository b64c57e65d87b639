package com.commerceinsight.analytics.analyses.sales;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One day of sales (table {@code daily_sales}, written by {@link DailySalesRows}), read only. */
@Entity
@Immutable
@Table(schema = "commerce", name = "daily_sales")
public class SalesDay {

    @Id
    @Column(name = "sale_date")
    public LocalDate day;

    public long orders;

    public BigDecimal revenue;

    @Column(name = "discounted_orders")
    public long discountedOrders;
}
