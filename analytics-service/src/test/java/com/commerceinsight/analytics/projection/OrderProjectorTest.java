package com.commerceinsight.analytics.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.catalog.Category;
import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.dashboards.LiveSummaries;
import com.commerceinsight.analytics.dashboards.SummaryRebuilder;
import com.commerceinsight.analytics.dashboards.SummarySnapshot;
import com.commerceinsight.analytics.orders.OrderAccepted;
import com.commerceinsight.analytics.orders.OrderIngestService;
import com.commerceinsight.analytics.orders.PlaceOrderRequest;
import com.commerceinsight.analytics.suppliers.TestSuppliers;
import com.commerceinsight.orderevents.lease.DatabaseLease;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The order projector applies each committed event exactly once: rows applied again change nothing, and two projectors
 * running rounds at once while orders, back-dated orders, cancellations and refunds come in leave the read models equal
 * to a rebuild from the order tables. In a database of its own, with the background projector off: the test drives it.
 */
@QuarkusTest
@TestProfile(ProjectorByHandProfile.class)
class OrderProjectorTest {

    /** The kept counts beside the summaries (SummarySnapshot), and which order each customer's first is filed as. */
    private static final List<String> KEPT_COUNTS = List.of(
            "SELECT order_id FROM commerce.basket_sale ORDER BY order_id",
            "SELECT product_id, orders, units, revenue FROM commerce.product_sale_count ORDER BY product_id",
            "SELECT sale_date, orders, revenue, discounted_orders FROM commerce.daily_sales ORDER BY sale_date",
            "SELECT period_kind, period_start, supplier_id, orders, units, revenue FROM commerce.supplier_period_sales"
                    + " ORDER BY period_kind, period_start, supplier_id",
            "SELECT product_id, period_kind, period_start, orders, units, revenue FROM commerce.product_period_sales"
                    + " ORDER BY product_id, period_kind, period_start",
            "SELECT period_kind, period_start, customers, new_customers, new_revenue, returning_revenue FROM commerce.period_customers"
                    + " ORDER BY period_kind, period_start",
            "SELECT cohort_month, sale_month, customers, revenue FROM commerce.cohort_activity ORDER BY cohort_month, sale_month",
            "SELECT order_date, status, orders, amount FROM commerce.daily_status_orders ORDER BY order_date, status",
            "SELECT order_id, ship_ms, delivery_ms FROM commerce.order_fulfilment ORDER BY order_id",
            "SELECT product_a, product_b, orders FROM commerce.product_pair_sales ORDER BY product_a, product_b",
            "SELECT customer_id, category_id, products FROM commerce.customer_category_coverage ORDER BY customer_id, category_id",
            "SELECT customer_id, order_id FROM commerce.customer_first_order ORDER BY customer_id");

    @Inject
    OrderIngestService ingest;

    @Inject
    OrderProjector projector;

    @Inject
    SummaryRebuilder rebuilder;

    @Inject
    DataSource dataSource;

    @Inject
    ProjectionConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    LiveSummaries summaries;

    @Inject
    MeterRegistry metrics;

    @Test
    void rowsAppliedTwiceChangeNothing() throws Exception {
        Shop shop = Shop.create();
        OrderAccepted now = place(shop.ann, null, "credit_card", "succeeded", shop.pen, shop.ink);
        ingest.changeOrderStatus(now.orderId(), "approved");
        ingest.changeOrderStatus(now.orderId(), "shipped");
        // Placed before all of Ann's orders: her first from now on; then cancelled and its payment refunded.
        OrderAccepted backDated = place(shop.ann, "2024-02-01T10:00:00Z", "paypal", "succeeded", shop.pad);
        ingest.changeOrderStatus(backDated.orderId(), "cancelled");
        ingest.changePaymentStatus(backDated.orderId(), backDated.paymentId(), "refunded");
        OrderAccepted failed = place(shop.bob, "2024-03-01T10:00:00Z", "paypal", "pending", shop.ink);
        ingest.changePaymentStatus(failed.orderId(), failed.paymentId(), "failed");
        ingest.addPayment(failed.orderId(), new PlaceOrderRequest.PaymentAttempt("bank_transfer", 1, "succeeded"));

        List<ProjectionRows.OutboxRow> rows = unprojected();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(9);
        int applied = QuarkusTransaction.requiringNew().call(() -> projector.apply(rows));
        assertThat(applied).isEqualTo(rows.size());
        Map<String, String> live = readModels();

        int again = QuarkusTransaction.requiringNew().call(() -> projector.apply(rows));

        assertThat(again).isZero();
        assertThat(readModels()).isEqualTo(live);
        assertThat(unprojected()).isEmpty();
        rebuilder.rebuild();
        assertThat(readModels()).isEqualTo(live);
    }

    @Test
    void twoProjectorsApplyEveryEventOnce() throws Exception {
        OrderProjector second = new OrderProjector(config, entityManager, summaries, dataSource, metrics);
        Optional<DatabaseLease.Hold> held = projector.lease().tryAcquire();
        assertThat(held).isPresent();
        assertThat(second.lease().tryAcquire()).isEmpty();
        held.get().close();

        // Both run rounds at once while orders come in (the lease keeps this from happening but in a takeover; the
        // claims must keep it right anyway).
        Shop shop = Shop.create();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> projectors = List.of(threads.submit(() -> rounds(projector, writing)),
                    threads.submit(() -> rounds(second, writing)));
            Future<?> writer = threads.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    long customer = i % 3 == 0 ? shop.ann : i % 3 == 1 ? shop.bob : shop.cy;
                    // Every fifth back-dated (a new first order), every seventh cancelled, every eleventh refunded.
                    String at = i % 5 == 0 ? "2023-0" + (1 + i % 9) + "-15T08:00:00Z" : null;
                    OrderAccepted order = place(customer, at, i % 2 == 0 ? "paypal" : "credit_card", "succeeded", shop.pen, shop.pad);
                    if (i % 7 == 0) {
                        ingest.changeOrderStatus(order.orderId(), "cancelled");
                    }
                    if (i % 11 == 0) {
                        ingest.changePaymentStatus(order.orderId(), order.paymentId(), "refunded");
                    }
                }
                return null;
            });
            writer.get();
            writing.set(false);
            int applied = 0;
            for (Future<Integer> rounds : projectors) {
                applied += rounds.get();
            }
            assertThat(applied).isGreaterThanOrEqualTo(40);
        } finally {
            threads.shutdownNow();
            second.lease().close();
        }
        assertThat(unprojected()).isEmpty();
        Map<String, String> live = readModels();
        rebuilder.rebuild();
        assertThat(readModels()).isEqualTo(live);
    }

    /** Rounds of one projector until the writer is done and nothing waits; a round that fails (a lock) is run again. */
    private static int rounds(OrderProjector projector, AtomicBoolean writing) throws InterruptedException {
        int applied = 0;
        while (true) {
            boolean wasWriting = writing.get();
            int count;
            try {
                count = projector.projectRound();
            } catch (RuntimeException lockConflict) {
                count = -1;
            }
            applied += Math.max(count, 0);
            if (count == 0 && !wasWriting) {
                return applied;
            }
            Thread.sleep(2);
        }
    }

    private OrderAccepted place(long customer, String at, String method, String status, long... products) {
        List<PlaceOrderRequest.Line> lines = new ArrayList<>();
        for (long product : products) {
            lines.add(new PlaceOrderRequest.Line(product, 2, null));
        }
        return ingest.placeOrder(new PlaceOrderRequest(customer, at == null ? null : Instant.parse(at), "EUR", lines,
                new PlaceOrderRequest.PaymentAttempt(method, 1, status)));
    }

    private List<ProjectionRows.OutboxRow> unprojected() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.unwrap(Session.class)
                .doReturningWork(connection -> ProjectionRows.unprojected(connection, 10_000)));
    }

    private Map<String, String> readModels() throws Exception {
        Map<String, String> models = new TreeMap<>(SummarySnapshot.of(dataSource));
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String query : KEPT_COUNTS) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery(query)) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object value = rs.getObject(i);
                            row.append(value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : value).append(' ');
                        }
                        rows.add(row.toString());
                    }
                }
                models.put(query, String.join("\n", rows));
            }
        }
        return models;
    }

    /** Three customers and three products (pad without a category or a supplier) of this test's own. */
    private record Shop(long ann, long bob, long cy, long pen, long ink, long pad) {

        static Shop create() {
            long category = QuarkusTransaction.requiringNew().call(() -> {
                Category c = new Category();
                c.dataSource = "projector-test";
                c.externalRef = UUID.randomUUID().toString();
                c.name = "Projector test category";
                c.persist();
                return c.id;
            });
            long supplier = TestSuppliers.create("projector-test", "Projector supplier");
            return new Shop(customer("PS"), customer("PT"), customer(null), product(category, supplier, "3.00"),
                    product(category, supplier, "4.50"), product(null, null, "1.25"));
        }

        private static long product(Long category, Long supplier, String price) {
            return QuarkusTransaction.requiringNew().call(() -> {
                Product p = new Product();
                p.dataSource = "projector-test";
                p.externalRef = UUID.randomUUID().toString();
                p.name = "projector product at " + price;
                p.price = new BigDecimal(price);
                p.categoryId = category;
                p.supplierId = supplier;
                p.persist();
                return p.id;
            });
        }

        private static long customer(String state) {
            return QuarkusTransaction.requiringNew().call(() -> {
                Customer c = new Customer();
                c.dataSource = "projector-test";
                c.externalRef = UUID.randomUUID().toString();
                c.state = state;
                c.country = "Projectia";
                c.persist();
                return c.id;
            });
        }
    }
}
