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

    /** The ACTIVE model's id, so that an event batch learns it with its lock, in one statement. */
    @Column(name = "active_model_id")
    public Long activeModelId;

    /**
     * Locks the row exclusively until the caller's transaction ends and records the activation time. An UPDATE, not a
     * locking read: it holds the exclusive lock from this statement on, on every database. SQL Server's locking read
     * takes an update lock, which lets event batches' shared locks in until the change is flushed, at commit perhaps.
     */
    public static void lock(LocalDateTime now) {
        update("activatedAt = ?1 where id = ?2", now, ONLY_ROW);
    }

    /** Names the model active; in the transaction that locked the row and made the model ACTIVE. */
    public static void name(long modelId) {
        update("activeModelId = ?1 where id = ?2", modelId, ONLY_ROW);
    }

    /**
     * The active model's id (null before a first one), after any activation in progress committed; keeps the next one
     * from starting until the caller's transaction ends. One statement: the lock and the answer come together. Shared
     * where the database has shared row locks (SQL Server: event batches of several replicas go on side by side); H2 has
     * none and takes it exclusively, which serialises the batches of the replicas of a local run.
     */
    public static Long share() {
        ModelActivation row = findById(ONLY_ROW, LockModeType.PESSIMISTIC_READ);
        return row == null ? null : row.activeModelId;
    }
}
