package com.commerceinsight.segmentation.models;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The single row every activation locks first, so concurrent activations (several replicas) run one after the other,
 * and every event batch locks too, so a batch and an activation never interleave: an activation rewrites every
 * customer's row from the commerce tables, and a batch applied meanwhile would be overwritten by an older read.
 */
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

    /**
     * Waits for an activation in progress to commit and keeps the next one from starting until the caller's transaction
     * ends. Shared where the database has shared row locks (SQL Server: event batches of several replicas go on side by
     * side); H2 has none and takes it exclusively, which serialises the batches of the replicas of a local run.
     */
    public static void share() {
        findById(ONLY_ROW, LockModeType.PESSIMISTIC_READ);
    }
}
