package com.commerceinsight.analytics.dashboards;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.catalog.Category;
import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.generator.ShopGenerator;
import com.commerceinsight.analytics.orders.OrderAccepted;
import com.commerceinsight.analytics.orders.OrderIngestService;
import com.commerceinsight.analytics.orders.PlaceOrderRequest;
import com.commerceinsight.analytics.orders.PlacementOutcome;
import com.commerceinsight.analytics.projection.ProjectionCaughtUp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Orders, status and payment changes through the ingest service update the summaries as they go; a rebuild from the
 * fact tables afterwards must find exactly the same rows.
 */
@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class IncrementalSummariesTest {

    @Inject
    DataSource dataSource;
    @Inject
    ShopGenerator generator;
    @Inject
    SummaryRebuilder rebuilder;
    @Inject
    OrderIngestService ingest;

    @Test
    void incrementalSummariesEqualARebuildFromTheFactTables() throws Exception {
        GeneratedShopFixture.ensureGenerated(dataSource, generator, rebuilder);
        Map<String, String> before = SummarySnapshot.of(dataSource);

        long newCustomer = customer("QA", "Testland");
        long generatedCustomer = QuarkusTransaction.requiringNew().call(() -> Customer.<Customer>find("dataSource", "generated")
                .firstResult().id);
        long categoryId = QuarkusTransaction.requiringNew().call(() -> Category.<Category>find("dataSource", "generated")
                .firstResult().id);
        long inCategory = product("12.500", categoryId);
        long withoutCategory = product("3.20", null);
        long generatedProduct = QuarkusTransaction.requiringNew().call(() -> Product.<Product>find("dataSource", "generated")
                .firstResult().id);

        // A new customer's order now, then a back-dated one that becomes their first.
        OrderAccepted now = place(newCustomer, null, "credit_card", "succeeded", line(inCategory, 2), line(withoutCategory, 1));
        OrderAccepted backDated = place(newCustomer, Instant.parse("2024-05-01T10:00:00Z"), "paypal", "pending", line(inCategory, 1));
        ingest.changeOrderStatus(now.orderId(), "approved");
        ingest.changeOrderStatus(now.orderId(), "shipped");
        ingest.changeOrderStatus(now.orderId(), "delivered");
        // A payment fails, a retry with another method succeeds, then the order is cancelled and refunded.
        ingest.changePaymentStatus(backDated.orderId(), backDated.paymentId(), "failed");
        var retry = ingest.addPayment(backDated.orderId(), new PlaceOrderRequest.PaymentAttempt("bank_transfer", 1, "succeeded"));
        ingest.changeOrderStatus(backDated.orderId(), "cancelled");
        ingest.changePaymentStatus(backDated.orderId(), retry.paymentId(), "refunded");
        // A generated customer's order placed before all of theirs: their former first order becomes a returning one.
        OrderAccepted beforeAll = place(generatedCustomer, Instant.parse("2022-12-31T23:30:00Z"), "voucher", "succeeded",
                line(generatedProduct, 3), line(inCategory, 1));
        ingest.changeOrderStatus(beforeAll.orderId(), "processing");
        // And one more for the generated customer, on a day the shop already has orders.
        place(generatedCustomer, Instant.parse("2024-03-05T12:00:00Z"), "credit_card", "failed", line(generatedProduct, 1));

        // One batch (one transaction, as the ingest's group commit writes them): a third customer's order, then a
        // back-dated one of theirs in the same batch that takes its place as the first; an order with an unknown
        // product, refused on its own; a generated customer's order placed before all of theirs.
        long batchCustomer = customer("BQ", "Batchland");
        long otherGenerated = QuarkusTransaction.requiringNew().call(() -> Customer.<Customer>find("dataSource = ?1 order by id desc",
                "generated").firstResult().id);
        List<PlacementOutcome> batch = ingest.placeOrders(List.of(
                request(batchCustomer, Instant.parse("2024-06-02T09:00:00Z"), "credit_card", "succeeded", line(inCategory, 1)),
                request(batchCustomer, Instant.parse("2024-06-01T09:00:00Z"), "paypal", "succeeded", line(withoutCategory, 2)),
                request(batchCustomer, null, "paypal", "succeeded", line(Long.MAX_VALUE, 1)),
                request(otherGenerated, Instant.parse("2022-12-30T08:00:00Z"), "credit_card", "pending", line(generatedProduct, 2))));
        assertThat(batch).extracting(o -> o.refusal() == null).containsExactly(true, true, false, true);
        assertThat(batch.get(2).refusal().field()).isEqualTo("lines[0].productId");

        ProjectionCaughtUp.await(dataSource);
        Map<String, String> incremental = SummarySnapshot.of(dataSource);
        assertThat(incremental).isNotEqualTo(before);
        // By hand: the new customer's back-dated order was cancelled and refunded, so "now" is their only sale; the
        // batch customer's back-dated order of 1 June is their first sale, the one of 2 June the second.
        assertThat(incremental.get("commerce.customer_sales|" + newCustomer)).startsWith("sales=1 ").contains(" second=null ");
        assertThat(incremental.get("commerce.customer_sales|" + batchCustomer)).startsWith("sales=2 ")
                .contains(" first=2024-06-01 09:00:00.0 second=2024-06-02 09:00:00.0 last=2024-06-02 09:00:00.0");

        String location = asStaff().when().post("/api/analytics/dashboards/summary-rebuilds")
                .then().statusCode(202).extract().header("Location");
        String status = "QUEUED";
        for (int polls = 0; polls < 600 && (status.equals("QUEUED") || status.equals("RUNNING")); polls++) {
            Thread.sleep(100);
            status = asStaff().when().get(location).then().statusCode(200).extract().path("status");
        }
        assertThat(status).isEqualTo("SUCCEEDED");

        assertThat(SummarySnapshot.of(dataSource)).isEqualTo(incremental);
    }

    private OrderAccepted place(long customerId, Instant orderedAt, String method, String status, PlaceOrderRequest.Line... lines) {
        return ingest.placeOrder(request(customerId, orderedAt, method, status, lines));
    }

    private static PlaceOrderRequest request(long customerId, Instant orderedAt, String method, String status,
            PlaceOrderRequest.Line... lines) {
        return new PlaceOrderRequest(customerId, orderedAt, "EUR", List.of(lines), new PlaceOrderRequest.PaymentAttempt(method, 1, status));
    }

    private static PlaceOrderRequest.Line line(long productId, int quantity) {
        return new PlaceOrderRequest.Line(productId, quantity, null);
    }

    private static long customer(String state, String country) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer customer = new Customer();
            customer.dataSource = "dashboard-test";
            customer.externalRef = UUID.randomUUID().toString();
            customer.state = state;
            customer.country = country;
            customer.persist();
            return customer.id;
        });
    }

    private static long product(String price, Long categoryId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Product product = new Product();
            product.dataSource = "dashboard-test";
            product.externalRef = UUID.randomUUID().toString();
            product.name = "dashboard test product at " + price;
            product.price = new BigDecimal(price);
            product.categoryId = categoryId;
            product.persist();
            return product.id;
        });
    }
}
