package com.commerceinsight.analytics.analyses.baskets;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

import com.commerceinsight.analytics.analyses.customers.CategoryCoverageRows;

/**
 * The counts behind bought together, wishlist suggestions and category coverage (commerce.basket_sale,
 * product_sale_count, product_pair_sales, customer_category_coverage), kept live by the summaries of the order ingest
 * and recomputed by their rebuild. Both run inside the caller's transaction on its connection.
 * <p>
 * Live, the unit is the customer: the summaries name the customers whose sales an ingest transaction may have changed
 * (every new order's customer; the customer of an order whose status or refund moves it into or out of the sales),
 * and their orders are compared with basket_sale. Orders without a customer come only from imports, which the
 * rebuild follows; a later status change of one is not seen until the next rebuild.
 */
public final class BasketCounts {

    private static final String[] TABLES = {CategoryCoverageRows.TABLE, PairCountRows.PAIRS, PairCountRows.PRODUCTS,
            SaleMembership.TABLE};

    private BasketCounts() {
    }

    /** The sales of these customers may have changed (inside the ingest transaction, after its rows are flushed). */
    public static void customersChanged(Connection connection, Collection<Long> customerIds) throws SQLException {
        SaleMembership.Changes changes = SaleMembership.reconcile(connection, customerIds);
        if (!changes.isEmpty()) {
            PairCountRows.apply(connection, changes);
            CategoryCoverageRows.recompute(connection, changes.customers());
        }
    }

    /** Recomputes every count from the order tables. */
    public static void rebuild(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
            statement.executeUpdate(SaleMembership.rebuildAll());
            for (String sql : PairCountRows.rebuildAll()) {
                statement.executeUpdate(sql);
            }
            statement.executeUpdate(CategoryCoverageRows.rebuildAll());
        }
    }
}
