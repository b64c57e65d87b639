package com.commerceinsight.analytics.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import com.commerceinsight.analytics.testing.ScratchFolders;

/**
 * Generates a small shop into the service's own database, beside whatever other test classes imported there. The only
 * test class that generates into the shared test database: external_refs are unique per data source.
 */
@QuarkusTest
class GeneratedShopLoadTest {

    private static final GeneratorSettings SETTINGS = GeneratorSettings.forOrders(2_000, 11);

    @Inject
    ShopGenerator generator;

    @Inject
    DataSource dataSource;

    @Test
    void aGeneratedShopLandsInTheServiceDatabaseUnderItsOwnDataSource() throws Exception {
        Path truthFile = ScratchFolders.create("generated-shop").resolve("truth.csv");
        AtomicLong lastProgress = new AtomicLong();
        GenerationReport report;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                report = generator.generate(connection, SETTINGS, truthFile, (done, total, orders) -> lastProgress.set(done));
            } finally {
                connection.setAutoCommit(true);
            }
        }
        Map<Long, GroundTruth> truth = GroundTruth.read(truthFile);

        assertThat(lastProgress.get()).isEqualTo(SETTINGS.customers());
        assertThat(Math.abs(report.orders() - 2_000)).isLessThan(4 * 45); // Poisson around the target, sd ~ sqrt(2,000)
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT COUNT(*) FROM commerce.orders WHERE data_source = 'generated'")).isEqualTo(report.orders());
            assertThat(count(s, "SELECT COUNT(*) FROM commerce.customer WHERE data_source = 'generated'")).isEqualTo(SETTINGS.customers());
            assertThat(count(s, "SELECT COUNT(*) FROM commerce.product WHERE data_source = 'generated'")).isEqualTo(SETTINGS.products());
            assertThat(count(s, "SELECT COUNT(*) FROM commerce.category WHERE data_source = 'generated'")).isEqualTo(SETTINGS.categories());
            assertThat(count(s, "SELECT COUNT(*) FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id "
                    + "WHERE o.data_source = 'generated'")).isEqualTo(report.rowsPerTable().get("commerce.order_line"));
            assertThat(count(s, "SELECT COUNT(*) FROM commerce.orders o WHERE o.data_source = 'generated' AND o.total_amount <> "
                    + "(SELECT SUM(l.quantity * l.unit_price) FROM commerce.order_line l WHERE l.order_id = o.id)")).isZero();
            // Every ground truth row names a generated customer by id and external_ref, with its order count.
            long matching = 0;
            try (ResultSet rs = s.executeQuery("SELECT c.id, c.external_ref, COUNT(o.id) FROM commerce.customer c "
                    + "LEFT JOIN commerce.orders o ON o.customer_id = c.id WHERE c.data_source = 'generated' GROUP BY c.id, c.external_ref")) {
                while (rs.next()) {
                    GroundTruth row = truth.get(rs.getLong(1));
                    assertThat(row).isNotNull();
                    assertThat(row.externalRef()).isEqualTo(rs.getString(2));
                    assertThat(row.orders()).isEqualTo(rs.getLong(3));
                    matching++;
                }
            }
            assertThat(matching).isEqualTo(truth.size());
        }
    }

    private static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
