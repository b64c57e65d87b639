package com.commerceinsight.segmentation.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;
import io.quarkus.test.junit.QuarkusTest;

/** A segment move, serialised as the Kafka channel serialises it, satisfies the committed contract. */
@QuarkusTest
class SegmentChangeContractTest {

    private static final Path CONTRACT = Path.of("../deploy/events/segmentation.segment-changes.v1.schema.json");

    @Test
    void serialisedMovesSatisfyTheContract() throws IOException {
        JsonSchema contract = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                Files.readString(CONTRACT), SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        SegmentChange firstSegment = new SegmentChange(UUID.randomUUID().toString(), SegmentChange.SCHEMA_VERSION,
                Instant.parse("2025-01-02T03:04:05.678Z"), 42, 3, null, null, 2, "New", 0.75, UUID.randomUUID().toString());
        SegmentChange move = new SegmentChange(UUID.randomUUID().toString(), SegmentChange.SCHEMA_VERSION,
                Instant.parse("2025-01-09T00:00:00Z"), 42, 3, 2, "New", 5, "Champions", 1.5, UUID.randomUUID().toString());
        try (ObjectMapperSerializer<SegmentChange> serializer = new ObjectMapperSerializer<>()) {
            for (SegmentChange change : new SegmentChange[] { firstSegment, move }) {
                String json = new String(serializer.serialize(SegmentChange.TOPIC, change), StandardCharsets.UTF_8);
                assertThat(contract.validate(new ObjectMapper().readTree(json))).as(json).isEmpty();
            }
        }
    }
}
