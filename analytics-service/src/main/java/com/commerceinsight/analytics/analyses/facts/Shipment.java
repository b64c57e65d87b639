package com.commerceinsight.analytics.analyses.facts;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A shipment of an order (table {@code shipment}), read only: where the order itself has no shipped_at, this has it. */
@Entity
@Immutable
@Table(schema = "commerce", name = "shipment")
public class Shipment {

    @Id
    public Long id;

    @Column(name = "order_id")
    public long orderId;

    @Column(name = "shipped_at")
    public LocalDateTime shippedAt;

    public String status;
}
