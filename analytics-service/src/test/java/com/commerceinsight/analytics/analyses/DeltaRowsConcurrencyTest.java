package com.commerceinsight.analytics.analyses;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Two transactions both add to a key that no row holds yet (two ingest batches with the first sale of a product, or of
 * a day, each on its own connection): the second's update finds nothing, its insert waits for the first's and fails
 * on the key once the first commits, and its delta must then be added to that row, not lost and not refused.
 */
@QuarkusTest
class DeltaRowsConcurrencyTest {

    private static final LocalDate DAY = LocalDate.of(2099, 1, 1);

    @Inject
    DataSource dataSource;

    @Test
    void aConcurrentFirstInsertOfTheSameKeyIsAddedToNotRefused() throws Exception {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            sales().add(List.of(DAY), 1L, new BigDecimal("10.00"), 0L).writeTo(first);

            CompletableFuture<Void> secondWrite = CompletableFuture.runAsync(() -> {
                try {
                    sales().add(List.of(DAY), 2L, new BigDecimal("5.50"), 1L).writeTo(second);
                    second.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300); // the second is waiting on the first's uncommitted row by now
            first.commit();
            secondWrite.get(30, TimeUnit.SECONDS);

            try (Statement s = first.createStatement(); ResultSet row = s.executeQuery(
                    "SELECT orders, revenue, discounted_orders FROM commerce.daily_sales WHERE sale_date = DATE '2099-01-01'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getLong(1)).isEqualTo(3);
                assertThat(row.getBigDecimal(2)).isEqualByComparingTo("15.50");
                assertThat(row.getLong(3)).isEqualTo(1);
                assertThat(row.next()).isFalse();
            }
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM commerce.daily_sales WHERE sale_date = DATE '2099-01-01'");
            }
        }
    }

    private static DeltaRows sales() {
        return new DeltaRows("commerce.daily_sales", List.of("sale_date"), List.of("orders", "revenue", "discounted_orders"));
    }
}
