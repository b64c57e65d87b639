package com.commerceinsight.segmentation.training;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A training run requested over the API, by the schedule or on start. */
@Entity
@Table(schema = "segmentation", name = "training_job")
public class TrainingJob extends PanacheEntityBase {

    /** SKIPPED: another run held the training lease, so this one did not train. */
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED, SKIPPED }

    /** COMMAND: the {@code train} command (a Kubernetes job). */
    public enum Trigger { API, SCHEDULE, STARTUP, COMMAND }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "trigger_source")
    @Enumerated(EnumType.STRING)
    public Trigger trigger;

    /** Null: the latest order time in the commerce tables. */
    @Column(name = "requested_snapshot_at")
    public LocalDateTime requestedSnapshotAt;

    public String stage;

    /** 0 to 1. */
    public double progress;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    @Column(name = "started_at")
    public LocalDateTime startedAt;

    @Column(name = "finished_at")
    public LocalDateTime finishedAt;

    @Column(name = "model_id")
    public Long modelId;

    public String error;

    /** TrainingReport as JSON, once succeeded. */
    public String report;
}
