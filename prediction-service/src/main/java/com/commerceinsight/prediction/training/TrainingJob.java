package com.commerceinsight.prediction.training;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A training run, stored so that any replica can answer for it. Times UTC. */
@Entity
@Table(schema = "prediction", name = "training_job")
public class TrainingJob extends PanacheEntityBase {

    /** SKIPPED: another run held the training lease, so this one did not train. */
    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED, SKIPPED }

    @Id
    public String id;

    public String status;

    /** What the job is doing now, in words. */
    public String stage;

    /** Share done, 0 to 1. */
    public double progress;

    /** The request, JSON. */
    public String request;

    /** The final report, JSON: per algorithm the model version and its evaluation. */
    public String report;

    public String error;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    @Column(name = "finished_at")
    public LocalDateTime finishedAt;
}
