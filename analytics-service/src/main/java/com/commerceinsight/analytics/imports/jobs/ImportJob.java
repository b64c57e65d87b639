package com.commerceinsight.analytics.imports.jobs;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An import run over the API: its progress while it runs and its report when it ends. */
@Entity
@Table(schema = "commerce", name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status { QUEUED, RUNNING, SUCCEEDED, STOPPED, FAILED }

    @Id
    public String id;

    public String format;

    @Column(name = "source_path")
    public String sourcePath;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    @Column(name = "finished_at")
    public LocalDateTime finishedAt;

    @Column(name = "records_read")
    public long recordsRead;

    @Column(name = "records_loaded")
    public long recordsLoaded;

    @Column(name = "records_rejected")
    public long recordsRejected;

    @Column(name = "current_file")
    public String currentFile;

    @Lob
    @Column(name = "report_json")
    public String reportJson;

    public String error;
}
