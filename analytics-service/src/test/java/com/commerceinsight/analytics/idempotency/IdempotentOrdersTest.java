package com.commerceinsight.analytics.idempotency;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.orders.CustomerOrder;
import com.commerceinsight.analytics.orders.Payment;
import com.commerceinsight.analytics.outbox.OutboxEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** POSTs retried with an Idempotency-Key write once and answer the first answer; a key names one request only. */
@QuarkusTest
class IdempotentOrdersTest {

    @Inject
    ExpiredKeyPurge purge;

    private long customerId;
    private long productId;

    @BeforeEach
    @Transactional
    void aCustomerAndAProduct() {
        Customer customer = new Customer();
        customer.dataSource = "idempotency-test";
        customer.externalRef = UUID.randomUUID().toString();
        customer.persist();
        customerId = customer.id;
        Product product = new Product();
        product.dataSource = "idempotency-test";
        product.externalRef = UUID.randomUUID().toString();
        product.name = "a product";
        product.price = new BigDecimal("12.50");
        product.persist();
        productId = product.id;
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstOrderAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        Response first = place(key, order(2));
        first.then().statusCode(201);
        assertThat(first.header(Replayable.REPLAYED_HEADER)).isNull();
        // The same request with whitespace and property order changed is the same request.
        Response retry = place(key, """
                { "payment": {"status": "succeeded", "method": "credit_card"},
                  "lines": [ {"quantity": 2, "productId": %d} ], "customerId": %d }""".formatted(productId, customerId));

        retry.then().statusCode(201).header(Replayable.REPLAYED_HEADER, "true");
        for (String field : List.of("orderId", "paymentId", "eventId", "totalAmount", "status")) {
            assertThat(retry.jsonPath().getString(field)).as(field).isEqualTo(first.jsonPath().getString(field));
        }
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(ordersOfCustomer()).isEqualTo(1);
        assertThat(placedEventsOf(first.jsonPath().getLong("orderId"))).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndWritesNothing() {
        String key = UUID.randomUUID().toString();
        place(key, order(2)).then().statusCode(201);

        place(key, order(3)).then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(ordersOfCustomer()).isEqualTo(1);
    }

    @Test
    void concurrentRetriesOfOneRequestPlaceOneOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(CompletableFuture.supplyAsync(() -> place(key, order(1)), clients));
            }
            List<Long> orderIds = new ArrayList<>();
            for (CompletableFuture<Response> response : sent) {
                Response answered = response.get(30, TimeUnit.SECONDS);
                assertThat(answered.statusCode()).isEqualTo(201);
                orderIds.add(answered.jsonPath().getLong("orderId"));
            }
            assertThat(orderIds).containsOnly(orderIds.get(0));
        } finally {
            clients.shutdownNow();
        }
        assertThat(ordersOfCustomer()).isEqualTo(1);
    }

    @Test
    void keysAreScopedToTheOperation() {
        String key = UUID.randomUUID().toString();
        long orderId = place(key, order(1)).then().statusCode(201).extract().jsonPath().getLong("orderId");
        String attempt = "{\"method\": \"paypal\", \"status\": \"pending\"}";

        long paymentId = addPayment(orderId, key, attempt).then().statusCode(201).extract().jsonPath().getLong("paymentId");
        Response retried = addPayment(orderId, key, attempt);
        retried.then().statusCode(201).header(Replayable.REPLAYED_HEADER, "true");
        assertThat(retried.jsonPath().getLong("paymentId")).isEqualTo(paymentId);
        addPayment(orderId, key, "{\"method\": \"voucher\", \"status\": \"pending\"}").then().statusCode(422);

        assertThat(QuarkusTransaction.requiringNew().call(() -> Payment.count("order.id", orderId))).isEqualTo(2);
    }

    @Test
    void malformedKeysAreA400NamingTheHeader() {
        for (String bad : List.of("k".repeat(201), "clé")) {
            place(bad, order(1)).then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("errors[0].field", equalTo("Idempotency-Key"));
        }
        assertThat(ordersOfCustomer()).isZero();
    }

    @Test
    void aKeyPurgedAfterItsRetentionPlacesANewOrder() throws Exception {
        String key = UUID.randomUUID().toString();
        long first = place(key, order(1)).then().statusCode(201).extract().jsonPath().getLong("orderId");

        assertThat(purge.purge(LocalDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(1))).isPositive();

        long second = place(key, order(1)).then().statusCode(201).extract().jsonPath().getLong("orderId");
        assertThat(second).isNotEqualTo(first);
        assertThat(ordersOfCustomer()).isEqualTo(2);
    }

    private String order(int quantity) {
        return """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": %d}],
                 "payment": {"method": "credit_card", "status": "succeeded"}}""".formatted(customerId, productId, quantity);
    }

    private static Response place(String key, String body) {
        return asStaff().contentType(ContentType.JSON).header(IdempotencyKeys.HEADER, key).body(body)
                .when().post("/api/analytics/orders");
    }

    private static Response addPayment(long orderId, String key, String body) {
        return asStaff().contentType(ContentType.JSON).header(IdempotencyKeys.HEADER, key).body(body)
                .when().post("/api/analytics/orders/" + orderId + "/payments");
    }

    private long ordersOfCustomer() {
        return QuarkusTransaction.requiringNew().call(() -> CustomerOrder.count("customerId", customerId));
    }

    private static long placedEventsOf(long orderId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.count("eventType = ?1 and payload like ?2",
                "OrderPlaced", "%\"orderId\":" + orderId + ",%"));
    }
}
