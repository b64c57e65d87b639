package com.commerceinsight.analytics.analyses.customers;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A row of commerce.customer_sales: one customer's sales (as the analyses count them) summed, with the times of the
 * first, second and last. Written by the live summaries and the summary rebuild; read-only here.
 */
@Entity
@Immutable
@Table(schema = "commerce", name = "customer_sales")
class CustomerSales {

    @Id
    @Column(name = "customer_id")
    Long customerId;
    long sales;
    BigDecimal amount;
    @Column(name = "first_sale_at")
    LocalDateTime firstSaleAt;
    @Column(name = "second_sale_at")
    LocalDateTime secondSaleAt;
    @Column(name = "last_sale_at")
    LocalDateTime lastSaleAt;
}
