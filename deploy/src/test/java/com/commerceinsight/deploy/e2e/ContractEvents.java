package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Events written by hand for the tests, checked against the topic's JSON Schema so they are contract events. */
final class ContractEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractEvents() {
    }

    static String orderPlaced(UUID eventId, long customerId, long orderId, long productId, long paymentId) {
        Instant now = Instant.now();
        return """
                {"eventId":"%s","eventType":"OrderPlaced","schemaVersion":1,"occurredAt":"%s","customerId":%d,"orderId":%d,
                 "data":{"orderedAt":"%s","status":"pending","totalAmount":30.00,"currency":"EUR",
                  "lines":[{"lineNumber":1,"productId":%d,"categoryId":null,"quantity":3,"unitPrice":10.00}],
                  "payments":[{"paymentId":%d,"sequenceNo":1,"method":"paypal","instalments":null,"amount":30.00,"status":"succeeded"}]}}
                """.formatted(eventId, now, customerId, orderId, now, productId, paymentId).replace("\n", "");
    }

    static Set<ValidationMessage> violations(Path repositoryRoot, String event) throws IOException {
        try (InputStream schema = Files.newInputStream(repositoryRoot.resolve("deploy/events/commerce.orders.v1.schema.json"))) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema, config)
                    .validate(JSON.readTree(event));
        }
    }
}
