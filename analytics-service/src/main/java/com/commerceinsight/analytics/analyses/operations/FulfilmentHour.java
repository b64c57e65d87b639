package com.commerceinsight.analytics.analyses.operations;

import java.io.Serializable;
import java.util.Objects;

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

    public static class Key implements Serializable {
        public String kind;
        public long hourBucket;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(kind, k.kind) && hourBucket == k.hourBucket;
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, hourBucket);
        }
    }
}
