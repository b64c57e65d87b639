package com.commerceinsight.analytics.analyses.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One sale's times to shipment and delivery (table {@code order_fulfilment}, written by {@link FulfilmentRows}), read only. */
@Entity
@Immutable
@Table(schema = "commerce", name = "order_fulfilment")
public class OrderFulfilment {

    @Id
    @Column(name = "order_id")
    public Long orderId;

    @Column(name = "ship_ms")
    public Long shipMillis;

    @Column(name = "delivery_ms")
    public Long deliveryMillis;
}
