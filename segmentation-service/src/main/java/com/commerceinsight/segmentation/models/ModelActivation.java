package com.commerceinsight.segmentation.models;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The single row every activation locks first, so concurrent activations (several replicas) run one after the other. */
@Entity
@Table(schema = "segmentation", name = "model_activation")
public class ModelActivation extends PanacheEntityBase {

    private static final int ONLY_ROW = 1;

    @Id
    public Integer id;

    @Column(name = "activated_at")
    public LocalDateTime activatedAt;

    /** Locks the row until the caller's transaction ends and records the activation time. */
    public static void lock(LocalDateTime now) {
        ModelActivation row = findById(ONLY_ROW, LockModeType.PESSIMISTIC_WRITE);
        row.activatedAt = now;
    }
}
