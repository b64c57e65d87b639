package com.commerceinsight.analytics.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedShopImportTest {

    /** The record counts published in the data set's README. */
    private static final Map<String, Long> README_COUNTS = new LinkedHashMap<>();

    static {
        README_COUNTS.put("categories.csv", 30L);
        README_COUNTS.put("suppliers.csv", 70L);
        README_COUNTS.put("customers.csv", 250L);
        README_COUNTS.put("products.csv", 600L);
        README_COUNTS.put("orders.csv", 10_200L);
        README_COUNTS.put("order_details.csv", 30_668L);
        README_COUNTS.put("payments.csv", 8_188L);
        README_COUNTS.put("shipping.csv", 4_069L);
        README_COUNTS.put("returns.csv", 103L);
        README_COUNTS.put("reviews.csv", 14_196L);
        README_COUNTS.put("wishlists.csv", 1_007L);
        README_COUNTS.put("discounts.csv", 60L);
        README_COUNTS.put("inventory_movements.csv", 30_668L);
        README_COUNTS.put("customer_sessions.csv", 6_428L);
    }

    private static final Map<String, String> TABLE_OF_FILE = Map.ofEntries(
            Map.entry("categories.csv", "category"), Map.entry("suppliers.csv", "supplier"),
            Map.entry("customers.csv", "customer"), Map.entry("products.csv", "product"),
            Map.entry("orders.csv", "orders"), Map.entry("order_details.csv", "order_line"),
            Map.entry("payments.csv", "payment"), Map.entry("shipping.csv", "shipment"),
            Map.entry("returns.csv", "order_return"), Map.entry("reviews.csv", "review"),
            Map.entry("wishlists.csv", "wishlist_item"), Map.entry("discounts.csv", "discount"),
            Map.entry("inventory_movements.csv", "inventory_movement"), Map.entry("customer_sessions.csv", "customer_session"));

    @Inject
    ImportRunner runner;

    @Inject
    DataSource dataSource;

    @Test
    @Order(1)
    void everyRecordOfEveryTableLoads() throws Exception {
        // Other test classes share this database: compare row counts before and after the import.
        Map<String, Long> before = tableCounts();
        ImportReport report = runner.run("seed-shop", SharedData.dir("seed-shop"), RejectPolicy.STOP, ImportProgressListener.NONE);
        Map<String, Long> after = tableCounts();

        assertThat(report.isCompleted()).isTrue();
        assertThat(report.getRejections()).isEmpty();
        Map<String, Long> read = new LinkedHashMap<>();
        report.getFiles().forEach(f -> read.put(f.getFile(), f.getRead()));
        assertThat(read).containsExactlyInAnyOrderEntriesOf(README_COUNTS);
        for (var entry : README_COUNTS.entrySet()) {
            String table = TABLE_OF_FILE.get(entry.getKey());
            assertThat(after.get(table) - before.get(table)).as(table).isEqualTo(entry.getValue());
        }
    }

    private Map<String, Long> tableCounts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLE_OF_FILE.values()) {
                counts.put(table, single(s, "SELECT COUNT(*) FROM commerce." + table).longValue());
            }
        }
        return counts;
    }

    @Test
    @Order(2)
    void orderTotalsEqualTheirLines() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            BigDecimal totals = single(s, "SELECT SUM(total_amount) FROM commerce.orders WHERE data_source = 'seed-shop'");
            BigDecimal lines = single(s, "SELECT SUM(l.quantity * l.unit_price) FROM commerce.order_line l "
                    + "JOIN commerce.orders o ON o.id = l.order_id WHERE o.data_source = 'seed-shop'");
            assertThat(totals).isPositive();
            assertThat(totals).isEqualByComparingTo(lines);
            long parentLinks = single(s, "SELECT COUNT(*) FROM commerce.category WHERE parent_id IS NOT NULL "
                    + "AND data_source = 'seed-shop'").longValue();
            assertThat(parentLinks).as("categories.csv rows with a parent_id, counted with Python's csv module").isEqualTo(15);
            long succeeded = single(s, "SELECT COUNT(*) FROM commerce.payment p JOIN commerce.orders o ON o.id = p.order_id "
                    + "WHERE p.status = 'succeeded' AND o.data_source = 'seed-shop'").longValue();
            assertThat(succeeded).isEqualTo(8_188L);
        }
    }

    @Test
    @Order(3)
    void aSecondImportOfTheSameSourceIsRefused() {
        assertThatThrownBy(() -> runner.run("seed-shop", SharedData.dir("seed-shop"), RejectPolicy.SKIP, ImportProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already loaded");
    }

    private static BigDecimal single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }
}
