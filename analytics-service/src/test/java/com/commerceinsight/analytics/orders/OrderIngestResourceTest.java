package com.commerceinsight.analytics.orders;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.as;
import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asShopper;
import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static com.commerceinsight.apikit.testing.AuthenticatedRequests.withRoles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.math.BigDecimal;
import java.util.List;

import jakarta.transaction.Transactional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.catalog.Category;
import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.outbox.OutboxEvent;
import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.apikit.testing.TestTokens;
import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderEventParser;
import com.commerceinsight.orderevents.OrderPlaced;
import com.commerceinsight.orderevents.PaymentStatusChanged;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class OrderIngestResourceTest {


    private long customerId;
    private long cheapProductId;
    private long dearProductId;
    private long categoryId;

    @BeforeEach
    @Transactional
    void aCustomerAndTwoProducts() {
        Customer customer = new Customer();
        customer.dataSource = "ingest-test";
        customer.externalRef = java.util.UUID.randomUUID().toString();
        customer.persist();
        customerId = customer.id;
        Category category = new Category();
        category.dataSource = "ingest-test";
        category.externalRef = java.util.UUID.randomUUID().toString();
        category.name = "test category";
        category.persist();
        categoryId = category.id;
        cheapProductId = product("2.50", categoryId);
        dearProductId = product("100.00", null);
    }

    private static long product(String price, Long categoryId) {
        Product product = new Product();
        product.dataSource = "ingest-test";
        product.externalRef = java.util.UUID.randomUUID().toString();
        product.name = "product at " + price;
        product.price = new BigDecimal(price);
        product.categoryId = categoryId;
        product.persist();
        return product.id;
    }

    @Test
    void anOrderIsStoredWithItsEventInTheOutbox() throws Exception {
        String body = """
                {"customerId": %d, "currency": "EUR",
                 "lines": [{"productId": %d, "quantity": 4}, {"productId": %d, "quantity": 1, "unitPrice": 90.00}],
                 "payment": {"method": "credit_card", "instalments": 3, "status": "succeeded"}}
                """.formatted(customerId, cheapProductId, dearProductId);

        ExtractableResponse<Response> created = asStaff()
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/analytics/orders")
                .then().statusCode(201)
                .body("totalAmount", equalTo(100.0f)) // 4 x 2.50 (list price) + 1 x 90.00 (given price)
                .body("status", equalTo("pending"))
                .extract();
        long orderId = created.jsonPath().getLong("orderId");
        assertThat(created.header("Location")).matches("https?://[^/]+/api/analytics/orders/" + orderId);

        QuarkusTransaction.requiringNew().run(() -> {
            CustomerOrder order = CustomerOrder.findById(orderId);
            assertThat(order.customerId).isEqualTo(customerId);
            assertThat(order.totalAmount).isEqualByComparingTo("100.00");
            assertThat(order.lines).extracting(l -> l.quantity).containsExactly(4, 1);
            assertThat(order.payments).singleElement().satisfies(p -> {
                assertThat(p.status).isEqualTo("succeeded");
                assertThat(p.amount).isEqualByComparingTo("100.00");
            });
        });
        OutboxEvent row = outboxRowOf(orderId);
        assertThat(row.publishedAt).isNull();
        assertThat(row.messageKey).isEqualTo(Long.toString(customerId));
        // What consumers read: the shared parser validates the payload against the topic's schema before binding it.
        OrderEvent event = OrderEventParser.parse(row.payload);
        assertThat(event.orderId()).isEqualTo(orderId);
        OrderPlaced placed = (OrderPlaced) event.data();
        assertThat(placed.lines().get(0).categoryId()).isEqualTo(categoryId);
        assertThat(placed.totalAmount()).isEqualByComparingTo("100.00");
    }

    @Test
    void statusAndPaymentChangesAreEventsToo() throws Exception {
        var accepted = asStaff().contentType(ContentType.JSON)
                .body("""
                        {"customerId": %d, "lines": [{"productId": %d, "quantity": 2}],
                         "payment": {"method": "paypal", "status": "pending"}}""".formatted(customerId, cheapProductId))
                .when().post("/api/analytics/orders").then().statusCode(201).extract().jsonPath();
        long orderId = accepted.getLong("orderId");
        long paymentId = accepted.getLong("paymentId");

        asStaff().contentType(ContentType.JSON).body("{\"status\": \"failed\"}")
                .when().put("/api/analytics/orders/" + orderId + "/payments/" + paymentId + "/status")
                .then().statusCode(200).body("previousStatus", equalTo("pending"));
        asStaff().contentType(ContentType.JSON).body("{\"method\": \"credit_card\", \"status\": \"succeeded\"}")
                .when().post("/api/analytics/orders/" + orderId + "/payments")
                .then().statusCode(201);
        asStaff().contentType(ContentType.JSON).body("{\"status\": \"delivered\"}")
                .when().put("/api/analytics/orders/" + orderId + "/status")
                .then().statusCode(200).body("previousStatus", equalTo("pending"));
        asStaff().contentType(ContentType.JSON).body("{\"status\": \"cancelled\"}")
                .when().put("/api/analytics/orders/" + orderId + "/status")
                .then().statusCode(409).contentType(startsWith("application/problem+json"));
        asStaff().contentType(ContentType.JSON).body("{\"status\": \"succeeded\"}")
                .when().put("/api/analytics/orders/" + orderId + "/payments/" + paymentId + "/status")
                .then().statusCode(409);

        List<OutboxEvent> rows = QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>list("payload like ?1 order by id", "%\"orderId\":" + orderId + ",%"));
        assertThat(rows).extracting(r -> r.eventType).containsExactly(
                "OrderPlaced", "PaymentStatusChanged", "PaymentStatusChanged", "OrderStatusChanged");
        List<OrderEvent> events = new java.util.ArrayList<>();
        for (OutboxEvent row : rows) {
            events.add(OrderEventParser.parse(row.payload)); // a contract event, or this throws with the reason
        }
        PaymentStatusChanged retry = (PaymentStatusChanged) events.get(2).data();
        assertThat(retry.previousStatus()).isNull();
        assertThat(retry.payment().sequenceNo()).isEqualTo(2);
    }

    @Test
    void invalidFieldsAreEachNamed() {
        asStaff().contentType(ContentType.JSON)
                .body("{\"customerId\": -1, \"currency\": \"euro\", \"lines\": [{\"productId\": 1, \"quantity\": 0}],"
                        + " \"payment\": {\"method\": \"Credit Card\", \"status\": \"maybe\"}}")
                .when().post("/api/analytics/orders")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", containsInAnyOrder("customerId", "currency", "lines[0].quantity", "payment.method", "payment.status"));
        asStaff().contentType(ContentType.JSON).body("{\"customerId\": 1}")
                .when().post("/api/analytics/orders")
                .then().statusCode(400)
                .body("errors.field", hasItems("lines", "payment"));
        asStaff().contentType(ContentType.JSON).body("{not json")
                .when().post("/api/analytics/orders")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void unknownCustomerOrProductIs422NamingIt() {
        asStaff().contentType(ContentType.JSON)
                .body("{\"customerId\": 987654321, \"lines\": [{\"productId\": %d, \"quantity\": 1}], \"payment\": {\"method\": \"paypal\", \"status\": \"pending\"}}"
                        .formatted(cheapProductId))
                .when().post("/api/analytics/orders")
                .then().statusCode(422).body("errors[0].field", equalTo("customerId"));
        asStaff().contentType(ContentType.JSON)
                .body("{\"customerId\": %d, \"lines\": [{\"productId\": %d, \"quantity\": 1}, {\"productId\": 987654321, \"quantity\": 1}], \"payment\": {\"method\": \"paypal\", \"status\": \"pending\"}}"
                        .formatted(customerId, cheapProductId))
                .when().post("/api/analytics/orders")
                .then().statusCode(422).body("errors[0].field", equalTo("lines[1].productId"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> CustomerOrder.count("customerId", 987654321L))).isZero();
    }

    @Test
    void anUnknownOrderIs404() {
        asStaff().contentType(ContentType.JSON).body("{\"status\": \"delivered\"}")
                .when().put("/api/analytics/orders/987654321/status")
                .then().statusCode(404).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aShopperPlacesOrdersForTheCustomerInItsTokenOnly() {
        String mine = orderBody(customerId);
        long orderId = asShopper(customerId).contentType(ContentType.JSON).body(mine)
                .when().post("/api/analytics/orders")
                .then().statusCode(201).extract().jsonPath().getLong("orderId");
        assertThat(QuarkusTransaction.requiringNew().call(() -> CustomerOrder.<CustomerOrder>findById(orderId).customerId))
                .isEqualTo(customerId);

        long before = QuarkusTransaction.requiringNew().call(() -> CustomerOrder.count());
        asShopper(customerId + 1).contentType(ContentType.JSON).body(mine)
                .when().post("/api/analytics/orders")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("customer " + customerId));
        as(TestTokens.shopperWithoutCustomer()).contentType(ContentType.JSON).body(mine)
                .when().post("/api/analytics/orders")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("customer_id"));
        long after = QuarkusTransaction.requiringNew().call(() -> CustomerOrder.count());
        assertThat(after).as("no order placed by the refused requests").isEqualTo(before);
    }

    @Test
    void anOperatorPlacesOrdersForAnyCustomerButAnAnalystForNone() {
        withRoles(Roles.OPERATOR).contentType(ContentType.JSON).body(orderBody(customerId))
                .when().post("/api/analytics/orders")
                .then().statusCode(201);
        withRoles(Roles.ANALYST).contentType(ContentType.JSON).body(orderBody(customerId))
                .when().post("/api/analytics/orders")
                .then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    void aShopperCannotChangeAnOrdersStatus() {
        long orderId = asShopper(customerId).contentType(ContentType.JSON).body(orderBody(customerId))
                .when().post("/api/analytics/orders")
                .then().statusCode(201).extract().jsonPath().getLong("orderId");
        asShopper(customerId).contentType(ContentType.JSON).body("{\"status\": \"cancelled\"}")
                .when().put("/api/analytics/orders/" + orderId + "/status")
                .then().statusCode(403);
        assertThat(QuarkusTransaction.requiringNew().call(() -> CustomerOrder.<CustomerOrder>findById(orderId).status))
                .isEqualTo("pending");
    }

    private String orderBody(long customer) {
        return """
                {"customerId": %d, "lines": [{"productId": %d, "quantity": 1}],
                 "payment": {"method": "credit_card", "status": "succeeded"}}
                """.formatted(customer, cheapProductId);
    }

    private static OutboxEvent outboxRowOf(long orderId) {
        return QuarkusTransaction.requiringNew().call(() ->
                OutboxEvent.<OutboxEvent>find("payload like ?1", "%\"orderId\":" + orderId + ",%").singleResult());
    }
}
