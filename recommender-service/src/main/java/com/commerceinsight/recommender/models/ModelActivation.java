package com.commerceinsight.recommender.models;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The single row that names the active model version, updated first by every activation and read under a shared lock
 * by every event batch. So a batch and an activation never interleave: a batch folds its purchases into the version
 * active when it starts, and an activation, which computes every customer's row for its version from the commerce
 * tables, waits for the batches in progress and holds the next ones until it commits. Without it a purchase applied
 * while a model trained went into the old version only and the new one never learnt of it.
 */
@Entity
@Table(schema = "recommender", name = "model_activation")
public class ModelActivation extends PanacheEntityBase {

    private static final int ONLY_ROW = 1;

    @Id
    public Integer id;

    @Column(name = "active_version_id")
    public String activeVersionId;

    @Column(name = "activated_at")
    public LocalDateTime activatedAt;

    /**
     * Names the version active and holds the row exclusively until the caller's transaction ends. An UPDATE, not a
     * locking read: it holds the exclusive lock from this statement on, on every database. SQL Server's locking read
     * takes an update lock, which lets event batches' shared locks in until the change is flushed, at commit perhaps.
     */
    static void activate(String versionId, LocalDateTime now) {
        update("activeVersionId = ?1, activatedAt = ?2 where id = ?3", versionId, now, ONLY_ROW);
    }

    /**
     * The active version's id (null when none is), after any activation in progress committed; keeps the next one from
     * starting until the caller's transaction ends. One statement: the lock and the answer come together. Shared where
     * the database has shared row locks (SQL Server: event batches of several replicas go on side by side); H2 has none
     * and takes it exclusively, which serialises the batches of the replicas of a local run.
     */
    public static String share() {
        ModelActivation row = findById(ONLY_ROW, LockModeType.PESSIMISTIC_READ);
        return row == null ? null : row.activeVersionId;
    }
}
