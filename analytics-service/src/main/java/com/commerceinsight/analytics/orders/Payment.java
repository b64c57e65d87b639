package com.commerceinsight.analytics.orders;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A payment attempt for an order. */
@Entity
@Table(schema = "commerce", name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_seq")
    @SequenceGenerator(name = "payment_seq", schema = "commerce", sequenceName = "payment_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    public CustomerOrder order;

    @Column(name = "customer_id")
    public Long customerId;

    @Column(name = "sequence_no")
    public int sequenceNo;

    public String method;

    public Integer instalments;

    public BigDecimal amount;

    @Column(name = "paid_at")
    public LocalDateTime paidAt;

    public String status;
}
