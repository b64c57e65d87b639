package com.commerceinsight.analytics.analyses.operations;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The orders of one day in one status (table {@code daily_status_orders}, written by {@link OrderStatusRows}), read only. */
@Entity
@Immutable
@IdClass(DailyStatusOrders.Key.class)
@Table(schema = "commerce", name = "daily_status_orders")
public class DailyStatusOrders {

    @Id
    @Column(name = "order_date")
    public LocalDate day;

    @Id
    public String status;

    public long orders;

    public BigDecimal amount;

    /** The primary key. */
    public record Key(LocalDate day, String status) implements Serializable {
    }
}
