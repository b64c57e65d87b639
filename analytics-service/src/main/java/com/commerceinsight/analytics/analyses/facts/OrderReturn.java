package com.commerceinsight.analytics.analyses.facts;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A return of an order as the analyses read it (table {@code order_return}): a whole order, with a reason and a status. */
@Entity
@Immutable
@Table(schema = "commerce", name = "order_return")
public class OrderReturn {

    @Id
    public Long id;

    @Column(name = "order_id")
    public Long orderId;

    @Column(name = "returned_at")
    public LocalDateTime returnedAt;

    public String reason;

    /** approved or rejected in the generated shop; the sources' own words otherwise. */
    public String status;
}
