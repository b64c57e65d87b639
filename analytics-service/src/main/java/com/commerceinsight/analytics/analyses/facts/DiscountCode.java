package com.commerceinsight.analytics.analyses.facts;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A discount code (table {@code discount}), valid from startsAt (inclusive) to endsAt (exclusive), read only. */
@Entity
@Immutable
@Table(schema = "commerce", name = "discount")
public class DiscountCode {

    @Id
    public Long id;

    public String code;

    public BigDecimal percentage;

    @Column(name = "starts_at")
    public LocalDateTime startsAt;

    @Column(name = "ends_at")
    public LocalDateTime endsAt;

    @Column(name = "is_active")
    public boolean active;

    @Column(name = "product_id")
    public Long productId;

    @Column(name = "category_id")
    public Long categoryId;
}
