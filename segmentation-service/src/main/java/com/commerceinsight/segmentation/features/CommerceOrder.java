package com.commerceinsight.segmentation.features;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The columns of commerce.orders the features are built from; analytics-service owns the table, this service only reads it. */
@Entity
@Immutable
@Table(schema = "commerce", name = "orders")
public class CommerceOrder {

    @Id
    public Long id;

    @Column(name = "customer_id")
    public Long customerId;

    /** sale, or cancellation (a credit note, e.g. an Online Retail C invoice). */
    public String kind;

    public String status;

    @Column(name = "ordered_at")
    public LocalDateTime orderedAt;

    @Column(name = "total_amount")
    public BigDecimal totalAmount;
}
