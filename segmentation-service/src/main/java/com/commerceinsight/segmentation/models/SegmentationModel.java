package com.commerceinsight.segmentation.models;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A trained model version; exactly one is ACTIVE once a training has succeeded. JSON columns: see the changelog. */
@Entity
@Table(schema = "segmentation", name = "segmentation_model")
public class SegmentationModel extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String status;

    @Column(name = "trained_at")
    public LocalDateTime trainedAt;

    @Column(name = "snapshot_at")
    public LocalDateTime snapshotAt;

    public int k;

    public int customers;

    public double silhouette;

    @Column(name = "next_segment_id")
    public int nextSegmentId;

    /** ModelDefinition as JSON. */
    public String definition;

    /** TrainingReport as JSON. */
    public String report;

    public static SegmentationModel active() {
        return find("status", ACTIVE).firstResult();
    }
}
