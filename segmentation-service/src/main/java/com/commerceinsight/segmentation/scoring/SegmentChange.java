package com.commerceinsight.segmentation.scoring;

import java.time.Instant;

/**
 * A customer moved from one segment to another (or into a first one: fromSegmentId null), published on
 * segmentation.segment-changes.v1 keyed by customer id. Contract: deploy/events/segmentation.segment-changes.v1.schema.json.
 */
public record SegmentChange(String eventId, int schemaVersion, Instant occurredAt, long customerId, long modelId,
        Integer fromSegmentId, String fromSegmentName, int toSegmentId, String toSegmentName, double distance,
        String causedByEventId) {

    public static final String TOPIC = "segmentation.segment-changes.v1";
    public static final int SCHEMA_VERSION = 1;
}
