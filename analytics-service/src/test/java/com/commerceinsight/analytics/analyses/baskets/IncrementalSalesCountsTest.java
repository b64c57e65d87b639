package com.commerceinsight.analytics.analyses.baskets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.catalog.Category;
import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.dashboards.DashboardShopProfile;
import com.commerceinsight.analytics.dashboards.SummaryRebuilder;
import com.commerceinsight.analytics.orders.OrderAccepted;
import com.commerceinsight.analytics.orders.OrderIngestService;
import com.commerceinsight.analytics.orders.PlaceOrderRequest;
import com.commerceinsight.analytics.projection.ProjectionCaughtUp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Orders, cancellations and refunds through the ingest service keep the sales counts (sales, per product, per pair,
 * per customer and category, per day, per period and cohort) current; checked by hand on products of the test's own, then against a rebuild from
 * the order tables, which must find exactly the same rows. Runs in the dashboard tests' database, where every order
 * goes through the ingest or is followed by a rebuild.
 */
@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class IncrementalSalesCountsTest {

    private static final List<String> TABLES = List.of(
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
            "SELECT order_id, ship_ms, delivery_ms, estimated, late, inconsistent FROM commerce.order_fulfilment ORDER BY order_id",
            "SELECT kind, hour_bucket, orders, total_ms FROM commerce.fulfilment_hours ORDER BY kind, hour_bucket",
            "SELECT product_a, product_b, orders FROM commerce.product_pair_sales ORDER BY product_a, product_b",
            "SELECT customer_id, category_id, products FROM commerce.customer_category_coverage ORDER BY customer_id, category_id",
            "SELECT customer_id, product_id FROM commerce.customer_product ORDER BY customer_id, product_id",
            "SELECT customer_id, sales, amount, first_sale_at, second_sale_at, last_sale_at FROM commerce.customer_sales"
                    + " ORDER BY customer_id");

    private static final String DAY = "2024-08-01T10:00:00Z";

    @Inject
    DataSource dataSource;
    @Inject
    SummaryRebuilder rebuilder;
    @Inject
    OrderIngestService ingest;

    @Test
    void liveCountsEqualARebuildFromTheOrderTables() throws Exception {
        long category = category();
        long pen = product(category);
        long ink = product(category);
        long pad = product(null);
        long ann = customer();
        long bob = customer();
        // Discount use: ink on the day of Ann's and Bob's orders; the category (pen, ink) during Dee's March.
        discount(ink, null, "2024-08-01T00:00:00Z", "2024-08-02T00:00:00Z");
        discount(null, category, "2024-03-02T00:00:00Z", "2024-03-03T00:00:00Z");

        // Ann: {pen, ink, pad}; {pen, ink} with ink on two lines; {ink, pad} cancelled; {pen, pad} refunded.
        place(ann, "succeeded", line(pen), line(ink), line(pad));
        place(ann, "pending", line(pen), line(ink), line(ink));
        OrderAccepted cancelled = place(ann, "pending", line(ink), line(pad));
        ingest.changeOrderStatus(cancelled.orderId(), "cancelled");
        OrderAccepted refunded = place(ann, "succeeded", line(pen), line(pad));
        ingest.changeOrderStatus(refunded.orderId(), "shipped"); // a shipped sale, then no sale: its fulfilment row goes
        ingest.changePaymentStatus(refunded.orderId(), refunded.paymentId(), "refunded");
        // One batch, one transaction: two orders of Bob sharing a pair, one of Ann; then a status change that keeps a sale.
        List<OrderAccepted> batch = ingest.placeOrders(List.of(request(bob, DAY, "succeeded", line(ink), line(pad)),
                        request(bob, DAY, "succeeded", line(pad), line(ink), line(pen)), request(ann, DAY, "pending", line(pad))))
                .stream().map(o -> o.acceptedOrThrow()).toList();
        ingest.changeOrderStatus(batch.get(0).orderId(), "approved");
        ingest.changeOrderStatus(batch.get(0).orderId(), "shipped");
        ingest.changeOrderStatus(batch.get(0).orderId(), "delivered");
        // Cy moves between cohorts and periods: a September sale, a back-dated July one that becomes the first, two in
        // one October week (one of them with two lines of a product), then the July sale refunded: September again.
        long cy = customer();
        place(cy, "2024-09-15T08:00:00Z", "succeeded", line(pen));
        OrderAccepted july = place(cy, "2024-07-03T23:59:00Z", "succeeded", line(ink), line(pad));
        place(cy, "2024-10-01T00:00:00Z", "pending", line(pad));
        place(cy, "2024-10-06T12:00:00Z", "succeeded", line(pen), line(pen));
        ingest.changePaymentStatus(july.orderId(), july.paymentId(), "refunded");
        // Dee's orders mostly come after her earlier sales (the ingest's fast path, which reads none of her orders, only
        // her sales row and her products): a week that starts in January and holds a February sale; a product bought
        // again; two sales in one batch; a refunded placement (no sale); a cancellation; a later sale at the same time as
        // an earlier one (the slow path); one an hour later.
        long dee = customer();
        place(dee, "2024-01-10T09:00:00Z", "succeeded", line(pen));
        place(dee, "2024-01-31T09:00:00Z", "succeeded", line(ink));
        place(dee, "2024-02-02T09:00:00Z", "pending", line(pad), line(pen));
        ingest.placeOrders(List.of(request(dee, "2024-03-01T09:00:00Z", "succeeded", line(pad)),
                request(dee, "2024-03-02T09:00:00Z", "succeeded", line(ink), line(pen)))).forEach(o -> o.acceptedOrThrow());
        place(dee, "2024-03-03T09:00:00Z", "refunded", line(ink));
        OrderAccepted deeCancelled = place(dee, "2024-03-04T09:00:00Z", "succeeded", line(pad));
        ingest.changeOrderStatus(deeCancelled.orderId(), "cancelled");
        place(dee, "2024-03-02T09:00:00Z", "succeeded", line(pad));
        place(dee, "2024-03-05T10:00:00Z", "succeeded", line(ink));
        place(ann, "2024-08-01T11:00:00Z", "succeeded", line(pen));

        ProjectionCaughtUp.await(dataSource);
        // By hand: sales holding pen 9 (Ann 3, Bob 1, Cy 2, Dee 3), ink 7 (Ann 2, Bob 2, Dee 3), pad 8 (Ann 2, Bob 2,
        // Cy 1, Dee 3); pen+ink 4, pen+pad 3, ink+pad 3 (Cy's refunded July order held ink and pad); units of pen 10
        // (Cy's October order has two lines of one).
        assertThat(count("product_sale_count WHERE product_id = " + pen)).isEqualTo(9);
        assertThat(count("product_sale_count WHERE product_id = " + ink)).isEqualTo(7);
        assertThat(count("product_sale_count WHERE product_id = " + pad)).isEqualTo(8);
        assertThat(units(pen)).isEqualTo(10);
        assertThat(pair(pen, ink)).isEqualTo(4);
        assertThat(pair(pen, pad)).isEqualTo(3);
        assertThat(pair(ink, pad)).isEqualTo(3);
        // Dee: sales on Jan 10, Jan 31, Feb 2, Mar 1, Mar 2 (twice), Mar 5: seven, the second on Jan 31.
        assertThat(count("customer_sales WHERE customer_id = " + dee)).isEqualTo(7);
        // Coverage counts products of the category itself: pen and ink for both (pad has no category).
        assertThat(count("customer_category_coverage WHERE customer_id = " + ann + " AND category_id = " + category)).isEqualTo(2);
        assertThat(count("customer_category_coverage WHERE customer_id = " + bob + " AND category_id = " + category)).isEqualTo(2);
        // Dee's pen and ink came through the fast path, pen twice: counted once.
        assertThat(count("customer_category_coverage WHERE customer_id = " + dee + " AND category_id = " + category)).isEqualTo(2);

        // Sales holding ink on August 1st: Ann's first two and Bob's two (Ann's cancelled one is no sale). On March 2nd
        // Dee's sale of ink and pen counts; her back-dated one of pad alone does not.
        assertThat(discountedSales("2024-08-01")).isEqualTo(4);
        assertThat(discountedSales("2024-03-02")).isEqualTo(1);

        Map<String, List<String>> live = snapshot();
        rebuilder.rebuild();
        assertThat(snapshot()).isEqualTo(live);
    }

    private long units(long product) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT units FROM commerce.product_sale_count WHERE product_id = " + product)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private long discountedSales(String day) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT discounted_orders FROM commerce.daily_sales WHERE sale_date = DATE '" + day + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void discount(Long productId, Long categoryId, String startsAt, String endsAt) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO commerce.discount"
                + " (id, code, percentage, starts_at, ends_at, is_active, product_id, category_id)"
                // An id block of the table's sequence, as every writer takes them: the other tests share this database.
                + " VALUES (NEXT VALUE FOR commerce.discount_seq, 'TEST', 10, ?, ?, TRUE, ?, ?)")) {
            insert.setObject(1, LocalDateTime.ofInstant(Instant.parse(startsAt), ZoneOffset.UTC));
            insert.setObject(2, LocalDateTime.ofInstant(Instant.parse(endsAt), ZoneOffset.UTC));
            insert.setObject(3, productId);
            insert.setObject(4, categoryId);
            insert.executeUpdate();
        }
    }

    private long pair(long a, long b) throws Exception {
        return count("product_pair_sales WHERE product_a = " + Math.min(a, b) + " AND product_b = " + Math.max(a, b));
    }

    /** The single count column ("orders" or "products") of one row; 0 when there is none. */
    private long count(String tableAndCondition) throws Exception {
        String column = tableAndCondition.startsWith("customer_category_coverage") ? "products"
                : tableAndCondition.startsWith("customer_sales") ? "sales" : "orders";
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + column + " FROM commerce." + tableAndCondition)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private Map<String, List<String>> snapshot() throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String query : TABLES) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(query)) {
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
                tables.put(query, rows);
            }
        }
        return tables;
    }

    private OrderAccepted place(long customerId, String paymentStatus, PlaceOrderRequest.Line... lines) {
        return place(customerId, DAY, paymentStatus, lines);
    }

    private OrderAccepted place(long customerId, String orderedAt, String paymentStatus, PlaceOrderRequest.Line... lines) {
        return ingest.placeOrder(request(customerId, orderedAt, paymentStatus, lines));
    }

    private static PlaceOrderRequest request(long customerId, String orderedAt, String paymentStatus, PlaceOrderRequest.Line... lines) {
        return new PlaceOrderRequest(customerId, Instant.parse(orderedAt), "EUR", List.of(lines),
                new PlaceOrderRequest.PaymentAttempt("credit_card", 1, paymentStatus));
    }

    private static PlaceOrderRequest.Line line(long productId) {
        return new PlaceOrderRequest.Line(productId, 1, null);
    }

    private static long category() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Category category = new Category();
            category.dataSource = "basket-test";
            category.externalRef = UUID.randomUUID().toString();
            category.name = "basket test category";
            category.persist();
            return category.id;
        });
    }

    private static long customer() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer customer = new Customer();
            customer.dataSource = "basket-test";
            customer.externalRef = UUID.randomUUID().toString();
            customer.country = "Testland";
            customer.persist();
            return customer.id;
        });
    }

    private static long product(Long categoryId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Product product = new Product();
            product.dataSource = "basket-test";
            product.externalRef = UUID.randomUUID().toString();
            product.name = "basket test product";
            product.price = new BigDecimal("2.50");
            product.categoryId = categoryId;
            product.persist();
            return product.id;
        });
    }
}
