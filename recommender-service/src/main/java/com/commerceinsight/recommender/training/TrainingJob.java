package com.commerceinsight.recommender.training;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A training run: its progress while it runs, and the model version it made. Times are UTC. */
@Entity
@Table(schema = "recommender", name = "training_job")
public class TrainingJob extends PanacheEntityBase {

    /** SKIPPED: another run held the training lease, so this one did not train. */
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED, SKIPPED }

    /** Who started it. */
    public enum Trigger { API, STARTUP, SCHEDULE, COMMAND }

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_reason")
    public Trigger trigger;

    /** Share done, 0 to 1. */
    public double progress;

    /** Whether the model is activated as soon as it is trained. */
    public boolean activate;

    @Lob
    @Column(name = "request_json")
    public String requestJson;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    @Column(name = "finished_at")
    public LocalDateTime finishedAt;

    @Column(name = "model_version_id")
    public String modelVersionId;

    public String error;
}
