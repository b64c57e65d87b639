package com.commerceinsight.analytics.analyses;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import com.commerceinsight.analytics.dashboards.SummaryRebuilder;
import com.commerceinsight.analytics.generator.GeneratorSettings;
import com.commerceinsight.analytics.generator.ShopGenerator;
import com.commerceinsight.analytics.testing.ScratchFolders;

/** Generates a small shop into the (profile's own) database once per test run and reads it back as a snapshot. */
final class GeneratedShop {

    /** Small enough to keep the tests fast, large enough for refunds, cancellations, empty days and one-order customers. */
    static final GeneratorSettings SETTINGS = GeneratorSettings.forOrders(1_500, 20_241);

    private static ShopSnapshot snapshot;

    private GeneratedShop() {
    }

    static synchronized ShopSnapshot ensure(ShopGenerator generator, DataSource dataSource) throws Exception {
        if (snapshot == null) {
            try (Connection connection = dataSource.getConnection()) {
                if (!hasOrders(connection)) {
                    connection.setAutoCommit(false);
                    try {
                        generator.generate(connection, SETTINGS, ScratchFolders.create("analyses-shop").resolve("truth.csv"),
                                (done, total, orders) -> { });
                    } finally {
                        connection.setAutoCommit(true);
                    }
                    // A bulk load bypasses the live summaries; the customer sales rows the analyses read are rebuilt.
                    new SummaryRebuilder(dataSource).rebuild();
                }
                snapshot = ShopSnapshot.read(connection);
            }
        }
        return snapshot;
    }

    private static boolean hasOrders(Connection connection) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM commerce.orders")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
