package com.commerceinsight.analytics.orders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The topic's JSON Schema from deploy/events, for checking what the producer writes. */
final class EventContract {

    private static final Path SCHEMA = Path.of("../deploy/events/commerce.orders.v1.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonSchema schema;

    EventContract() throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMA)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }

    Set<ValidationMessage> violations(String eventJson) throws IOException {
        JsonNode event = JSON.readTree(eventJson);
        return schema.validate(event);
    }
}
