package com.commerceinsight.segmentation.features;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The columns of commerce.customer_session the session count is built from (read only). */
@Entity
@Immutable
@Table(schema = "commerce", name = "customer_session")
public class CommerceSession {

    @Id
    public Long id;

    @Column(name = "customer_id")
    public Long customerId;

    @Column(name = "started_at")
    public LocalDateTime startedAt;
}
