package com.commerceinsight.deploy.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a drill must leave true, read from the database once the load has settled: every order answered 201 is in the
 * commerce tables exactly once, each consumer has processed each of those orders' events once and keeps the state the
 * commerce tables imply (the recommender's active model version holds every purchase since its training end once), and
 * the dashboards' live summary rows, once the order projector has applied every committed
 * event, equal a rebuild from the order tables.
 */
final class DrillChecks {

    /** The dashboards' summaries and the analyses' kept counts: rows the order path keeps live and the rebuild recomputes. */
    static final List<String> SUMMARY_TABLES = List.of("daily_order_summary", "daily_category_summary", "daily_payment_summary",
            "customer_sales", "basket_sale", "product_sale_count", "product_pair_sales", "customer_category_coverage",
            "customer_product", "daily_sales", "period_customers", "cohort_activity");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LocalSystem system;
    private final String shopSource;
    private final ShopFixture shop;

    DrillChecks(LocalSystem system, String shopSource, ShopFixture shop) {
        this.system = system;
        this.shopSource = shopSource;
        this.shop = shop;
    }

    /** Lost: answered 201 but not in the tables. Doubled: more orders than idempotency keys that wrote one. */
    record OrderCount(int lost, long doubled, long ordersInTables) {
    }

    OrderCount orders(DrillLoad load) throws SQLException {
        try (Connection db = system.openDatabase()) {
            Set<Long> stored = new HashSet<>(longs(db, "SELECT id FROM commerce.orders WHERE customer_id IN (" + customers() + ")"));
            long keysThatWrote = ConsumerState.count(db, "SELECT COUNT(*) FROM commerce.idempotent_request WHERE idempotency_key LIKE '"
                    + load.keyPrefix() + "-%'");
            int lost = (int) load.acceptedOrderIds().values().stream().filter(id -> !stored.contains(id)).count();
            return new OrderCount(lost, stored.size() - keysThatWrote, stored.size());
        }
    }

    /** Events of the drill shop's orders each consumer has processed (each at most once: the event id is its key). */
    Map<String, Long> processedOrderEvents() throws SQLException {
        Map<String, Long> processed = new LinkedHashMap<>();
        try (Connection db = system.openDatabase()) {
            for (String schema : ConsumerState.CONSUMER_SCHEMAS) {
                processed.put(schema, ConsumerState.count(db, "SELECT COUNT(*) FROM " + schema + ".processed_event p "
                        + "JOIN commerce.outbox_event o ON o.event_id = p.event_id WHERE o.event_type = 'OrderPlaced' "
                        + "AND o.message_key IN (" + customerKeys() + ")"));
            }
        }
        return processed;
    }

    /**
     * Waits until every consumer has processed at least {@code orders} of the shop's OrderPlaced events; returns when
     * that happened (nanoTime), or -1 after {@code limit}.
     */
    long awaitConsumed(long orders, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (processedOrderEvents().values().stream().allMatch(count -> count >= orders)) {
                return System.nanoTime();
            }
            Thread.sleep(250);
        }
        return -1;
    }

    /** Differences between what the consumers keep for the shop's customers and what the commerce tables say; empty when equal. */
    List<String> consumerStateDifferences() throws SQLException {
        List<String> differences = new ArrayList<>();
        try (Connection db = system.openDatabase()) {
            Map<Long, String> segments = ConsumerState.segmentSummaries(db, shopSource);
            Map<Long, String> expectedSegments = ConsumerState.segmentSummariesFromCommerce(db, shopSource);
            if (!segments.equals(expectedSegments)) {
                differences.add("segmentation.customer_segment: " + difference(segments, expectedSegments));
            }
            Map<Long, String> items = ConsumerState.items(db, shopSource);
            Map<Long, String> expectedItems = ConsumerState.itemsFromCommerce(db, shopSource);
            if (!items.equals(expectedItems)) {
                differences.add("recommender.customer_item: " + difference(items, expectedItems));
            }
            Map<Long, String> foldIns = ConsumerState.foldInPurchaseLines(db, shopSource);
            Map<Long, String> expectedFoldIns = ConsumerState.foldInPurchaseLinesFromCommerce(db, shopSource);
            if (!foldIns.equals(expectedFoldIns)) {
                differences.add("recommender.customer_fold_in of the active version: " + difference(foldIns, expectedFoldIns));
            }
            System.out.printf("DRILL consumer state compared with the commerce tables: %d segment rows, %d bought items, %d fold-in rows%n",
                    expectedSegments.size(), expectedItems.size(), expectedFoldIns.size());
        }
        return differences;
    }

    /**
     * Reads the summary tables, runs the summary rebuild through the API and reads them again: the tables whose live
     * rows differ from the rebuilt ones. Only meaningful once no order is in flight.
     */
    List<String> summariesDifferingFromRebuild() throws Exception {
        long unprojected = awaitProjected(Duration.ofSeconds(120));
        if (unprojected > 0) {
            return List.of("all (" + unprojected + " committed order events not applied by the projector within 2 minutes)");
        }
        Map<String, List<String>> live = summaryRows();
        rebuildSummaries();
        Map<String, List<String>> rebuilt = summaryRows();
        return SUMMARY_TABLES.stream().filter(table -> !live.get(table).equals(rebuilt.get(table)))
                .map(table -> table + " (" + live.get(table).size() + " live rows, " + rebuilt.get(table).size() + " rebuilt)")
                .toList();
    }

    /**
     * Waits until the order projector has applied every committed order event to the live rows (analytics-service
     * applies them after the order's commit, not in it); returns how many were still waiting at the limit.
     */
    private long awaitProjected(Duration limit) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        try (Connection db = system.openDatabase()) {
            while (true) {
                long waiting = ConsumerState.count(db, "SELECT COUNT(*) FROM commerce.outbox_event WHERE projected_at IS NULL");
                if (waiting == 0 || System.nanoTime() > deadline) {
                    return waiting;
                }
                Thread.sleep(200);
            }
        }
    }

    private Map<String, List<String>> summaryRows() throws SQLException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection db = system.openDatabase(); Statement statement = db.createStatement()) {
            for (String table : SUMMARY_TABLES) {
                List<String> tableRows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM commerce." + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            if (rs.getMetaData().getColumnLabel(i).equalsIgnoreCase("id")) {
                                continue; // a surrogate key the rebuild numbers anew
                            }
                            Object value = rs.getObject(i);
                            row.append(value instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : value).append('|');
                        }
                        tableRows.add(row.toString());
                    }
                }
                tableRows.sort(null);
                rows.put(table, tableRows);
            }
        }
        return rows;
    }

    private void rebuildSummaries() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(system.uri("analytics-service", "/api/analytics/dashboards/summary-rebuilds"))
                .header("Authorization", system.tokens().authorization()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("summary rebuild answered " + started.statusCode() + ": " + started.body());
        }
        URI status = system.uri("analytics-service", "/").resolve(started.headers().firstValue("Location").orElseThrow());
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.send(HttpRequest.newBuilder(status).header("Authorization", system.tokens().authorization()).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            String state = JSON.readTree(body).path("status").asText();
            if (state.equals("SUCCEEDED")) {
                return;
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("summary rebuild failed: " + body);
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("summary rebuild not done in 2 minutes");
    }

    private String customers() {
        return shop.customerIds().stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The outbox's message keys of the shop's customers (the key is the customer id as text). */
    private String customerKeys() {
        return shop.customerIds().stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
    }

    private static String difference(Map<Long, String> actual, Map<Long, String> expected) {
        for (Map.Entry<Long, String> row : expected.entrySet()) {
            if (!row.getValue().equals(actual.get(row.getKey()))) {
                return "key " + row.getKey() + " is " + actual.get(row.getKey()) + ", the commerce tables say " + row.getValue()
                        + " (" + actual.size() + " rows against " + expected.size() + ")";
            }
        }
        return actual.size() + " rows against " + expected.size();
    }

    private static List<Long> longs(Connection db, String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }
}
