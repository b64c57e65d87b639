package com.commerceinsight.recommender.activity;

import java.io.Serializable;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A UTC date on which a customer placed an order; the set behind {@link CustomerActivity#activeDays}. */
@Entity
@Table(schema = "recommender", name = "customer_order_day")
@IdClass(CustomerOrderDay.Key.class)
public class CustomerOrderDay extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public Long customerId;

    @Id
    @Column(name = "order_day")
    public LocalDate orderDay;

    public record Key(Long customerId, LocalDate orderDay) implements Serializable {
    }
}
