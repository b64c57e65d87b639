package com.commerceinsight.segmentation.scoring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;

/** Stands in for the segment-changes Kafka channel in tests: keeps the moves a committed batch would publish. */
@Mock
@ApplicationScoped
public class CapturedSegmentChanges extends SegmentChangePublisher {

    private final List<SegmentChange> published = new CopyOnWriteArrayList<>();

    public CapturedSegmentChanges() {
        super(null);
    }

    @Override
    void publish(Moves moves) {
        published.addAll(moves.changes());
    }

    public List<SegmentChange> published() {
        return published;
    }
}
