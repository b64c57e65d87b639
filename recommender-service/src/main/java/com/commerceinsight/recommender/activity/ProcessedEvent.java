package com.commerceinsight.recommender.activity;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An event this service has applied: the idempotency record (its id is never applied twice). processedAt is when the
 * consumer's batch claimed the event, before that batch's fold-in and its commit; it does not say when the new
 * recommendations could be read. Times are UTC. Written by {@link ProcessedEvents} through JDBC; mapped here for
 * reading.
 */
@Entity
@Table(schema = "recommender", name = "processed_event")
public class ProcessedEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "occurred_at")
    public LocalDateTime occurredAt;

    @Column(name = "processed_at")
    public LocalDateTime processedAt;
}
