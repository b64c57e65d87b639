package com.commerceinsight.analytics.outbox;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event written in the transaction of the change it reports, waiting for the relay to publish it. */
@Entity
@Table(schema = "commerce", name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_event_seq")
    @SequenceGenerator(name = "outbox_event_seq", schema = "commerce", sequenceName = "outbox_event_seq", allocationSize = 50)
    public Long id;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    @Lob
    public String payload;

    @Column(name = "occurred_at")
    public LocalDateTime occurredAt;

    @Column(name = "published_at")
    public LocalDateTime publishedAt;
}
