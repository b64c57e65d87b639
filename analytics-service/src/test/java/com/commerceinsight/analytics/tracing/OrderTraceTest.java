package com.commerceinsight.analytics.tracing;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.outbox.OutboxMessage;
import com.commerceinsight.analytics.outbox.OutboxRecords;
import com.commerceinsight.analytics.outbox.OutboxStore;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * One trace from the order's HTTP request to its Kafka record: the outbox row keeps the request's traceparent (though
 * a writer thread of the group commit writes it), and the relay's record carries it as the traceparent header.
 */
@QuarkusTest
class OrderTraceTest {

    @Inject
    InMemorySpanExporter spans;

    @Inject
    OutboxStore outbox;

    private long customerId;
    private long productId;

    @BeforeEach
    @Transactional
    void aCustomerAndAProduct() {
        Customer customer = new Customer();
        customer.dataSource = "trace-test";
        customer.externalRef = UUID.randomUUID().toString();
        customer.persist();
        customerId = customer.id;
        Product product = new Product();
        product.dataSource = "trace-test";
        product.externalRef = UUID.randomUUID().toString();
        product.name = "traced product";
        product.price = new BigDecimal("3.00");
        product.persist();
        productId = product.id;
    }

    @Test
    void theRequestsTraceReachesTheOutboxRowAndTheKafkaRecordHeaders() throws Exception {
        String eventId = asStaff().contentType(ContentType.JSON)
                .body("""
                        {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}],
                         "payment": {"method": "paypal", "status": "succeeded"}}""".formatted(customerId, productId))
                .when().post("/api/analytics/orders").then().statusCode(201).extract().jsonPath().getString("eventId");

        OutboxMessage row = outbox.nextUnpublished(1_000_000).stream().filter(r -> r.eventId().equals(eventId)).findFirst().orElseThrow();
        assertThat(row.traceparent()).as("the row's trace").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = row.traceparent().split("-")[1];
        SpanData request = serverSpanOfTheOrderPost(traceId);
        assertThat(row.traceparent().split("-")[2]).as("written in the request's span").isEqualTo(request.getSpanId());

        ProducerRecord<String, String> record = OutboxRecords.recordOf(row);
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).isNotNull();
        assertThat(new String(header.value(), StandardCharsets.UTF_8)).isEqualTo(row.traceparent());
    }

    @Test
    void aRowWrittenWithoutATraceSendsNoTraceparent() {
        OutboxMessage untraced = new OutboxMessage(1, UUID.randomUUID().toString(), "OrderPlaced", "commerce.orders.v1", "1", "{}", null);
        assertThat(OutboxRecords.recordOf(untraced).headers().lastHeader("traceparent")).isNull();
    }

    /** The request's server span, found by the trace id the row carries (the exporter also holds other tests' spans). */
    private SpanData serverSpanOfTheOrderPost(String traceId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<SpanData> posts = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(traceId))
                    .toList();
            if (!posts.isEmpty()) {
                assertThat(posts).hasSize(1);
                assertThat(posts.get(0).getName()).startsWith("POST");
                return posts.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no server span in trace " + traceId + " among " + spans.getFinishedSpanItems());
    }
}
