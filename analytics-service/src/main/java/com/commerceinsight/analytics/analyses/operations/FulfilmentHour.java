package com.commerceinsight.analytics.analyses.operations;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** The sales of one kind and whole hour of duration (table {@code fulfilment_hours}, written by {@link FulfilmentRows}), read only. */
@Entity
@Immutable
@IdClass(FulfilmentHour.Key.class)
@Table(schema = "commerce", name = "fulfilment_hours")
public class FulfilmentHour {

    @Id
    public String kind;

    @Id
    @Column(name = "hour_bucket")
    public long hourBucket;

    public long orders;

    @Column(name = "total_ms")
    public long totalMillis;

    /** The primary key. */
    public record Key(String kind, long hourBucket) implements Serializable {
    }
}
