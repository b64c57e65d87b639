package com.commerceinsight.analytics.dashboards;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import com.commerceinsight.analytics.generator.GeneratorSettings;
import com.commerceinsight.analytics.generator.ShopGenerator;
import com.commerceinsight.analytics.testing.ScratchFolders;

/** Generates the small shop of the dashboard tests into their database once, and rebuilds the summaries after it. */
public final class GeneratedShopFixture {

    static final GeneratorSettings SETTINGS = GeneratorSettings.forOrders(2_500, 23);

    private GeneratedShopFixture() {
    }

    public static synchronized void ensureGenerated(DataSource dataSource, ShopGenerator generator, SummaryRebuilder rebuilder) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM commerce.orders WHERE data_source = 'generated'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            connection.setAutoCommit(false);
            try {
                generator.generate(connection, SETTINGS, ScratchFolders.create("dashboard-shop").resolve("truth.csv"),
                        (done, total, orders) -> { });
            } finally {
                connection.setAutoCommit(true);
            }
        }
        rebuilder.rebuild();
    }
}
