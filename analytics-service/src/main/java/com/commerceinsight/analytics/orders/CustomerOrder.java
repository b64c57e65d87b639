package com.commerceinsight.analytics.orders;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An order (table {@code orders}); customerId is null for an anonymous sale. */
@Entity
@Table(schema = "commerce", name = "orders")
public class CustomerOrder extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "orders_seq")
    @SequenceGenerator(name = "orders_seq", schema = "commerce", sequenceName = "orders_seq", allocationSize = 50)
    public Long id;

    @Column(name = "data_source")
    public String dataSource;

    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "customer_id")
    public Long customerId;

    public String kind;

    public String status;

    @Column(name = "ordered_at")
    public LocalDateTime orderedAt;

    @Column(name = "approved_at")
    public LocalDateTime approvedAt;

    @Column(name = "shipped_at")
    public LocalDateTime shippedAt;

    @Column(name = "delivered_at")
    public LocalDateTime deliveredAt;

    @Column(name = "estimated_delivery_at")
    public LocalDateTime estimatedDeliveryAt;

    @Column(name = "total_amount")
    public BigDecimal totalAmount;

    @Column(name = "freight_amount")
    public BigDecimal freightAmount;

    public String currency;

    public String country;

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("lineNumber")
    public List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.PERSIST)
    @OrderBy("sequenceNo")
    public List<Payment> payments = new ArrayList<>();
}
