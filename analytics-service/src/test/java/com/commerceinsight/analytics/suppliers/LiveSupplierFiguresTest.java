package com.commerceinsight.analytics.suppliers;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.customers.Customer;
import com.commerceinsight.analytics.dashboards.DashboardShopProfile;
import com.commerceinsight.analytics.dashboards.GeneratedShopFixture;
import com.commerceinsight.analytics.dashboards.SummaryRebuilder;
import com.commerceinsight.analytics.generator.ShopGenerator;
import com.commerceinsight.analytics.orders.OrderAccepted;
import com.commerceinsight.analytics.orders.OrderIngestService;
import com.commerceinsight.analytics.orders.PlaceOrderRequest;
import com.commerceinsight.analytics.projection.ProjectionCaughtUp;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * Orders, cancellations and refunds through the ingest keep the suppliers' and the products' kept day and month rows
 * current: the supplier list, a supplier's row and a supplier's products, which add those rows up, answer what the
 * sales lines and returns of the order tables give (counted here in plain SQL, as they were counted before there were
 * kept rows), a product's sales series answers what its lines give, and a rebuild from the order tables finds
 * exactly the rows the projector wrote. Runs in the dashboard tests' generated shop (suppliers, returns), where every
 * order goes through the ingest or is followed by a rebuild.
 */
@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class LiveSupplierFiguresTest {

    private static final String DAY = "2024-08-01T10:00:00Z";

    /** The sales of kind sale whose status and payments make them sales (SalesScope), with their lines' products. */
    private static final String SALES_LINES = " FROM commerce.orders o JOIN commerce.order_line l ON l.order_id = o.id"
            + " JOIN commerce.product p ON p.id = l.product_id WHERE o.kind = 'sale' AND p.supplier_id IS NOT NULL"
            + " AND o.ordered_at >= ? AND o.ordered_at < ?";

    @Inject
    DataSource dataSource;
    @Inject
    ShopGenerator generator;
    @Inject
    SummaryRebuilder rebuilder;
    @Inject
    OrderIngestService ingest;

    @Test
    void liveOrdersKeepTheSupplierFiguresEqualToTheSalesLinesAndToARebuild() throws Exception {
        GeneratedShopFixture.ensureGenerated(dataSource, generator, rebuilder);
        long acme = TestSuppliers.create("supplier-test", "Acme");
        long bolt = TestSuppliers.create("supplier-test", "Bolt");
        long pen = product(acme, "2.50");
        long ink = product(acme, "1.125");
        long dice = product(bolt, "4.00");
        long pad = product(null, "1.00");
        long ann = customer();
        long bob = customer();

        place(ann, DAY, "succeeded", line(pen, 2), line(ink, 1), line(dice, 1), line(pad, 1));
        place(ann, DAY, "pending", line(pen, 1), line(pen, 1), line(ink, 2));
        OrderAccepted cancelled = place(ann, DAY, "pending", line(ink, 1), line(dice, 1));
        ingest.changeOrderStatus(cancelled.orderId(), "cancelled");
        OrderAccepted refunded = place(ann, DAY, "succeeded", line(pen, 1), line(dice, 3));
        ingest.changePaymentStatus(refunded.orderId(), refunded.paymentId(), "refunded");
        List<OrderAccepted> batch = ingest.placeOrders(List.of(request(bob, DAY, "succeeded", line(ink, 1), line(dice, 1)),
                        request(bob, DAY, "succeeded", line(dice, 2), line(pad, 1)), request(ann, DAY, "pending", line(pad, 1))))
                .stream().map(o -> o.acceptedOrThrow()).toList();
        ingest.changeOrderStatus(batch.get(0).orderId(), "approved");
        ingest.changeOrderStatus(batch.get(0).orderId(), "shipped");
        ingest.changeOrderStatus(batch.get(0).orderId(), "delivered");
        place(bob, "2024-07-03T23:59:00Z", "succeeded", line(dice, 1)); // back-dated: before his other sales
        place(bob, DAY, "refunded", line(pen, 1)); // no sale from the start
        ProjectionCaughtUp.await(dataSource);

        // By hand. Acme on August 1st: Ann's first (pen 2 x 2.50 + ink 1.125), her second (pen 2 x 2.50 + ink 2 x 1.125)
        // and Bob's first of the batch (ink 1.125): 3 orders, 3 + 4 + 1 = 8 units, 6.125 + 7.25 + 1.125 = 14.50. Bolt:
        // Ann's first (dice 4.00), Bob's two of the batch (dice 1 and 2): 3 orders, 4 units, 16.00; and July 3rd, 4.00.
        assertThat(row(acme, null, null)).isEqualTo("8 14.5 3 0");
        assertThat(row(bolt, null, null)).isEqualTo("5 20 4 0");
        assertThat(row(bolt, "2024-07-03", "2024-07-03")).isEqualTo("1 4 1 0");
        assertThat(row(bolt, "2024-08-01", "2024-08-01")).isEqualTo("4 16 3 0");
        assertThat(row(bolt, "2024-07-01", "2024-08-31")).isEqualTo("5 20 4 0");
        assertThat(row(bolt, "2024-07-04", "2024-08-31")).isEqualTo("4 16 3 0");

        // Unbounded (month rows only), whole months, and partial months at both edges (their day rows too).
        assertThat(listed(null, null)).isEqualTo(countedFromTheOrders(null, null));
        assertThat(listed("2024-03-01", "2024-07-31")).isEqualTo(countedFromTheOrders("2024-03-01", "2024-07-31"));
        assertThat(listed("2024-02-15", "2024-08-01")).isEqualTo(countedFromTheOrders("2024-02-15", "2024-08-01"));
        assertThat(listed("2023-06-10", "2023-06-20")).isEqualTo(countedFromTheOrders("2023-06-10", "2023-06-20"));
        Map<Long, String> live = listed(null, null);
        assertThat(live.get(acme)).isEqualTo("8 14.5 3 0");
        // The generated shop's returns count, and a generated supplier's own row is its row of the list.
        long returned = live.entrySet().stream().filter(e -> !e.getValue().endsWith(" 0")).findFirst().orElseThrow().getKey();
        assertThat(row(returned, null, null)).isEqualTo(live.get(returned));

        // A supplier's products add up the products' kept rows. By hand, Acme on August 1st: pen in Ann's first (2 units,
        // 5.00) and second (2 units, 5.00); ink in Ann's first (1, 1.125), her second (2, 2.25) and Bob's (1, 1.125).
        assertThat(products(acme, null, null)).isEqualTo(Map.of(pen, "4 10 2 0", ink, "4 4.5 3 0"));
        assertThat(products(acme, "2024-07-01", "2024-07-31")).isEqualTo(Map.of(pen, "0 0 0 0", ink, "0 0 0 0"));
        for (String[] range : RANGES) {
            assertThat(products(returned, range[0], range[1])).isEqualTo(countedPerProduct(returned, range[0], range[1]));
        }
        // A product's series from its kept rows equals the one counted from its sales lines (a filter by its own
        // category selects the same sales and takes the lines' path), in months, weeks and days, over each range.
        long seller = countedPerProduct(returned, null, null).entrySet().stream()
                .max(Comparator.comparingLong(e -> Long.parseLong(e.getValue().split(" ")[0]))).orElseThrow().getKey();
        long category = QuarkusTransaction.requiringNew().call(() -> Product.<Product>findById(seller).categoryId);
        for (String granularity : List.of("month", "week", "day")) {
            for (String[] range : RANGES) {
                if (range[0] == null && !granularity.equals("month")) {
                    continue; // an unbounded series in days or weeks may pass the span limit
                }
                assertThat(series(seller, granularity, range[0], range[1], null))
                        .isEqualTo(series(seller, granularity, range[0], range[1], category));
            }
        }
        assertThat(series(pen, "month", null, null, null)).containsExactly("2024-08-01 2 4 10");

        List<String> rows = keptRows();
        rebuilder.rebuild();
        assertThat(keptRows()).isEqualTo(rows);
    }

    private static RequestSpecification api() {
        return asStaff().basePath("/api/analytics/suppliers").config(RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    /** One supplier's row as "units revenue orders returns". */
    private static String row(long supplier, String from, String to) {
        JsonPath json = dates(api(), from, to).get("/" + supplier).then().statusCode(200).extract().jsonPath();
        return figures(json.getMap("$"));
    }

    /** Every supplier of the list, by id, as "units revenue orders returns". */
    private static Map<Long, String> listed(String from, String to) {
        JsonPath json = dates(api().queryParam("size", 500), from, to).get().then().statusCode(200).extract().jsonPath();
        Map<Long, String> rows = new TreeMap<>();
        for (Map<String, Object> item : json.<Map<String, Object>>getList("items")) {
            rows.put(((Number) item.get("supplierId")).longValue(), figures(item));
        }
        assertThat(rows).hasSize(json.getInt("total"));
        return rows;
    }

    /** Unbounded, whole months, partial months at both edges, a few days inside one month. */
    private static final String[][] RANGES = {{null, null}, {"2024-03-01", "2024-07-31"}, {"2024-02-15", "2024-08-01"},
            {"2023-06-10", "2023-06-20"}};

    /** One supplier's products, by id, as "units revenue orders returns". */
    private static Map<Long, String> products(long supplier, String from, String to) {
        JsonPath json = dates(api().queryParam("size", 500), from, to).get("/" + supplier + "/products").then().statusCode(200)
                .extract().jsonPath();
        Map<Long, String> rows = new TreeMap<>();
        for (Map<String, Object> item : json.<Map<String, Object>>getList("items")) {
            rows.put(((Number) item.get("productId")).longValue(), figures(item));
        }
        return rows;
    }

    /** A product's sales series as "period orders units revenue", with the category filter when it is given. */
    private static List<String> series(long product, String granularity, String from, String to, Long categoryId) {
        RequestSpecification request = dates(asStaff().basePath("/api/analytics/analyses/products").queryParam("granularity", granularity)
                .queryParam("size", 500), from, to);
        if (categoryId != null) {
            request = request.queryParam("categoryId", categoryId);
        }
        JsonPath json = request.config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                        .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)))
                .get("/" + product + "/sales").then().statusCode(200).extract().jsonPath();
        return json.<Map<String, Object>>getList("items").stream().map(item -> item.get("periodStart") + " " + item.get("orders") + " "
                + item.get("units") + " " + plain(new BigDecimal(item.get("revenue").toString()))).toList();
    }

    private static RequestSpecification dates(RequestSpecification request, String from, String to) {
        return from == null ? request : request.queryParam("from", from).queryParam("to", to);
    }

    private static String figures(Map<String, Object> item) {
        return item.get("unitsSold") + " " + plain(new BigDecimal(item.get("revenue").toString())) + " " + item.get("orders")
                + " " + item.get("returns");
    }

    /**
     * Every supplier's units, revenue and distinct orders of the sales lines of its products placed in the range, and
     * the returns of the orders of kind sale placed in it that hold one of its products, from the order tables.
     */
    private Map<Long, String> countedFromTheOrders(String from, String to) throws Exception {
        return countedFromTheOrders("p.supplier_id", "SELECT id FROM commerce.supplier", "", from, to);
    }

    /** The same per product of one supplier. */
    private Map<Long, String> countedPerProduct(long supplier, String from, String to) throws Exception {
        return countedFromTheOrders("p.id", "SELECT id FROM commerce.product WHERE supplier_id = " + supplier,
                " AND p.supplier_id = " + supplier, from, to);
    }

    /**
     * Per {@code key} of the line's product (every key {@code keys} lists, zeros included), the units, revenue and
     * distinct orders of the sales lines placed in the range and the returns of the orders of kind sale placed in it,
     * as "units revenue orders returns", the lines restricted by {@code restriction}.
     */
    private Map<Long, String> countedFromTheOrders(String key, String keys, String restriction, String from, String to) throws Exception {
        LocalDateTime start = from == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : LocalDate.parse(from).atStartOfDay();
        LocalDateTime end = to == null ? LocalDateTime.of(9999, 1, 1, 0, 0) : LocalDate.parse(to).plusDays(1).atStartOfDay();
        Map<Long, long[]> counts = new TreeMap<>();
        Map<Long, BigDecimal> revenue = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(keys)) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), new long[3]);
                    revenue.put(rs.getLong(1), BigDecimal.ZERO);
                }
            }
            read(c, "SELECT " + key + ", SUM(l.quantity), SUM(l.quantity * l.unit_price), COUNT(DISTINCT o.id)" + SALES_LINES
                    + restriction + " AND o.status NOT IN ('cancelled', 'unavailable') AND NOT EXISTS (SELECT 1 FROM commerce.payment r"
                    + " WHERE r.order_id = o.id AND r.status = 'refunded') GROUP BY " + key, start, end, rs -> {
                        counts.get(rs.getLong(1))[0] = rs.getLong(2);
                        revenue.put(rs.getLong(1), rs.getBigDecimal(3));
                        counts.get(rs.getLong(1))[1] = rs.getLong(4);
                    });
            read(c, "SELECT " + key + ", COUNT(DISTINCT ret.id)" + SALES_LINES.replace(" FROM commerce.orders o",
                    " FROM commerce.order_return ret JOIN commerce.orders o ON o.id = ret.order_id") + restriction + " GROUP BY " + key,
                    start, end, rs -> counts.get(rs.getLong(1))[2] = rs.getLong(2));
        }
        Map<Long, String> rows = new TreeMap<>();
        counts.forEach((k, c) -> rows.put(k, c[0] + " " + plain(revenue.get(k).setScale(2, RoundingMode.HALF_UP)) + " " + c[1] + " " + c[2]));
        return rows;
    }

    private interface RowReader {
        void read(ResultSet row) throws Exception;
    }

    private static void read(Connection c, String sql, LocalDateTime start, LocalDateTime end, RowReader reader) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, start);
            s.setObject(2, end);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    /** Every kept supplier and product period row, labelled by its table, in key order. */
    private List<String> keptRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            addRows(rows, s, "sales", "SELECT period_kind, period_start, supplier_id, orders, units, revenue"
                    + " FROM commerce.supplier_period_sales ORDER BY period_kind, period_start, supplier_id");
            addRows(rows, s, "returns", "SELECT period_kind, period_start, supplier_id, returns FROM commerce.supplier_period_returns"
                    + " ORDER BY period_kind, period_start, supplier_id");
            addRows(rows, s, "product sales", "SELECT product_id, period_kind, period_start, orders, units, revenue"
                    + " FROM commerce.product_period_sales ORDER BY product_id, period_kind, period_start");
            addRows(rows, s, "product returns", "SELECT product_id, period_kind, period_start, returns FROM commerce.product_period_returns"
                    + " ORDER BY product_id, period_kind, period_start");
        }
        return rows;
    }

    /** Adds each row of the query as its label and its columns (amounts without trailing zeros). */
    private static void addRows(List<String> rows, Statement s, String label, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(label);
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.append(' ').append(value instanceof BigDecimal amount ? plain(amount) : value);
                }
                rows.add(row.toString());
            }
        }
    }

    private OrderAccepted place(long customerId, String orderedAt, String paymentStatus, PlaceOrderRequest.Line... lines) {
        return ingest.placeOrder(request(customerId, orderedAt, paymentStatus, lines));
    }

    private static PlaceOrderRequest request(long customerId, String orderedAt, String paymentStatus, PlaceOrderRequest.Line... lines) {
        return new PlaceOrderRequest(customerId, Instant.parse(orderedAt), "EUR", List.of(lines),
                new PlaceOrderRequest.PaymentAttempt("credit_card", 1, paymentStatus));
    }

    private static PlaceOrderRequest.Line line(long productId, int quantity) {
        return new PlaceOrderRequest.Line(productId, quantity, null);
    }

    private static long product(Long supplierId, String price) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Product product = new Product();
            product.dataSource = "supplier-test";
            product.externalRef = UUID.randomUUID().toString();
            product.name = "supplier test product";
            product.price = new BigDecimal(price);
            product.supplierId = supplierId;
            product.persist();
            return product.id;
        });
    }

    private static long customer() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Customer customer = new Customer();
            customer.dataSource = "supplier-test";
            customer.externalRef = UUID.randomUUID().toString();
            customer.country = "Testland";
            customer.persist();
            return customer.id;
        });
    }
}
