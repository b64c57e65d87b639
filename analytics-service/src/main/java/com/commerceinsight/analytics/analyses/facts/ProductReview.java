package com.commerceinsight.analytics.analyses.facts;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A review as the analyses read it (table {@code review}); productId is null for an Olist review of a whole order. */
@Entity
@Immutable
@Table(schema = "commerce", name = "review")
public class ProductReview {

    @Id
    public Long id;

    @Column(name = "product_id")
    public Long productId;

    @Column(name = "customer_id")
    public Long customerId;

    public short rating;

    @Column(name = "reviewed_at")
    public LocalDateTime reviewedAt;
}
