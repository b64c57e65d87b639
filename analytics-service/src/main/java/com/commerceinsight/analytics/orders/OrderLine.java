package com.commerceinsight.analytics.orders;

import java.math.BigDecimal;

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

/** One line of an order. */
@Entity
@Table(schema = "commerce", name = "order_line")
public class OrderLine extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_line_seq")
    @SequenceGenerator(name = "order_line_seq", schema = "commerce", sequenceName = "order_line_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id")
    public CustomerOrder order;

    @Column(name = "line_number")
    public int lineNumber;

    @Column(name = "product_id")
    public long productId;

    @Column(name = "seller_id")
    public Long sellerId;

    public int quantity;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;
}
