package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.commerceinsight.analytics.catalog.Category;
import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.orders.OrderAccepted;
import com.commerceinsight.analytics.orders.OrderIngestService;
import com.commerceinsight.analytics.orders.PlaceOrderRequest;
import com.commerceinsight.analytics.projection.ProjectionCaughtUp;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Three orders small enough to check by hand, placed through the order ingest in 2031 by two customers of state
 * {@value #STATE} (no other test uses that state or year):
 * <ol>
 * <li>customer 1, 2031-03-01: 2 x A at 10.00 + 4 x B at 2.50 = 30.00, credit card succeeded; approved, shipped, delivered;</li>
 * <li>customer 1, 2031-03-15: 1 x A = 10.00, paypal pending then failed, a credit card retry succeeded; still pending;</li>
 * <li>customer 2, 2031-04-02: 3 x B = 7.50, credit card succeeded; cancelled and the payment refunded.</li>
 * </ol>
 * A and B are the only products of category {@value #CATEGORY}.
 */
public final class TinyShop {

    public static final String STATE = "TC";
    public static final String COUNTRY = "Tinyland";
    public static final String CATEGORY = "Tiny test category";

    public record Ids(long categoryId, long productA, long productB) {
    }

    private static Ids ids;

    private TinyShop() {
    }

    public static synchronized Ids ensurePlaced() {
        if (ids != null) {
            return ids;
        }
        OrderIngestService ingest = Arc.container().instance(OrderIngestService.class).get();
        long category = QuarkusTransaction.requiringNew().call(() -> {
            Category c = new Category();
            c.dataSource = "tiny-shop";
            c.externalRef = UUID.randomUUID().toString();
            c.name = CATEGORY;
            c.persist();
            return c.id;
        });
        long a = product(category, "10.00");
        long b = product(category, "2.50");
        long first = customer();
        long second = customer();

        OrderAccepted one = ingest.placeOrder(order(first, "2031-03-01T09:00:00Z", "credit_card", "succeeded", line(a, 2), line(b, 4)));
        ingest.changeOrderStatus(one.orderId(), "approved");
        ingest.changeOrderStatus(one.orderId(), "shipped");
        ingest.changeOrderStatus(one.orderId(), "delivered");
        OrderAccepted two = ingest.placeOrder(order(first, "2031-03-15T12:00:00Z", "paypal", "pending", line(a, 1)));
        ingest.changePaymentStatus(two.orderId(), two.paymentId(), "failed");
        ingest.addPayment(two.orderId(), new PlaceOrderRequest.PaymentAttempt("credit_card", 1, "succeeded"));
        OrderAccepted three = ingest.placeOrder(order(second, "2031-04-02T08:00:00Z", "credit_card", "succeeded", line(b, 3)));
        ingest.changeOrderStatus(three.orderId(), "cancelled");
        ingest.changePaymentStatus(three.orderId(), three.paymentId(), "refunded");
        try {
            ProjectionCaughtUp.await(Arc.container().instance(DataSource.class).get());
        } catch (Exception e) {
            throw new IllegalStateException("the tiny shop's orders were not applied to the summaries", e);
        }
        ids = new Ids(category, a, b);
        return ids;
    }

    private static PlaceOrderRequest order(long customer, String at, String method, String status, PlaceOrderRequest.Line... lines) {
        return new PlaceOrderRequest(customer, Instant.parse(at), "EUR", List.of(lines), new PlaceOrderRequest.PaymentAttempt(method, 1, status));
    }

    private static PlaceOrderRequest.Line line(long product, int quantity) {
        return new PlaceOrderRequest.Line(product, quantity, null);
    }

    private static long product(long category, String price) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Product p = new Product();
            p.dataSource = "tiny-shop";
            p.externalRef = UUID.randomUUID().toString();
            p.name = "tiny product at " + price;
            p.price = new BigDecimal(price);
            p.categoryId = category;
            p.persist();
            return p.id;
        });
    }

    private static long customer() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer c = new Customer();
            c.dataSource = "tiny-shop";
            c.externalRef = UUID.randomUUID().toString();
            c.state = STATE;
            c.country = COUNTRY;
            c.persist();
            return c.id;
        });
    }
}
