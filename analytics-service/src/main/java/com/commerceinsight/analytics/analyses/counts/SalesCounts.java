package com.commerceinsight.analytics.analyses.counts;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import com.commerceinsight.analytics.analyses.DeltaRows;

/**
 * The counts kept over the sales: behind bought together, wishlist suggestions, category coverage and top-selling
 * (commerce.basket_sale, product_sale_count, product_pair_sales, customer_category_coverage with customer_product),
 * behind total sales, sales per period and discount use (daily_sales), behind the supplier list (supplier_period_sales)
 * and a supplier's products and a product's sales series (product_period_sales),
 * and behind new versus returning customers and the cohort matrix (period_customers, cohort_activity), kept live by the
 * summaries of the order ingest and recomputed by their rebuild. Both run inside the caller's transaction on its
 * connection.
 * <p>
 * Live, the unit is the customer: the summaries name the customers whose sales an ingest transaction may have changed
 * (every new order's customer; the customer of an order whose status or refund moves it into or out of the sales),
 * and their orders are compared with basket_sale. Orders without a customer come only from imports, which the
 * rebuild follows; a later status change of one is not seen until the next rebuild.
 */
public final class SalesCounts {

    private static final String[] TABLES = {CategoryCoverageRows.TABLE, CategoryCoverageRows.PRODUCTS, PairCountRows.PAIRS,
            PairCountRows.PRODUCTS, DailySalesRows.TABLE, SupplierSalesRows.TABLE, ProductSalesRows.TABLE, CustomerPeriodRows.PERIODS, CustomerPeriodRows.COHORTS,
            SaleMembership.TABLE};

    private SalesCounts() {
    }

    /**
     * The sales of these customers may have changed (inside the ingest transaction, after its rows are flushed): brings
     * basket_sale and the customers' coverage rows in line, and returns what changed for {@link #addToCounts}.
     */
    public static SaleMembership.Changes customersChanged(Connection connection, Collection<Long> customerIds) throws SQLException {
        return customerRows(connection, SaleMembership.reconcile(connection, customerIds));
    }

    /**
     * New orders were placed: {@code appended} are customers whose new sales all come after their earlier ones (counted
     * without reading their history, {@link SaleMembership#appended}); the sales of {@code others} are compared with
     * basket_sale in full (a back-dated order). Returns what changed for {@link #addToCounts}.
     */
    public static SaleMembership.Changes ordersPlaced(Connection connection, Map<Long, SaleMembership.AppendedSales> appended,
            Collection<Long> others) throws SQLException {
        SaleMembership.Changes added = SaleMembership.appended(connection, appended);
        CategoryCoverageRows.added(connection, productCategories(appended));
        return SaleMembership.merged(added, customerRows(connection, SaleMembership.reconcile(connection, others)));
    }

    /** Per customer, the products of their new sales, each with its category (null: none). */
    private static Map<Long, Map<Long, Long>> productCategories(Map<Long, SaleMembership.AppendedSales> appended) {
        Map<Long, Map<Long, Long>> products = new TreeMap<>();
        appended.forEach((customer, sales) -> {
            Map<Long, Long> categories = products.computeIfAbsent(customer, c -> new TreeMap<>());
            for (SaleMembership.PlacedSale sale : sales.sales()) {
                sale.lines().keySet().forEach(product -> categories.put(product, sale.categories().get(product)));
            }
        });
        return products;
    }

    private static SaleMembership.Changes customerRows(Connection connection, SaleMembership.Changes changes) throws SQLException {
        if (!changes.isEmpty()) {
            CategoryCoverageRows.recompute(connection, changes.customers().keySet());
        }
        return changes;
    }

    /**
     * Adds the changes to the rows that many orders share (products, pairs, days, suppliers' and products' days and months, periods,
     * cohorts). The caller writes them last, after the customers' own rows, so that they stay locked for as short a time
     * as the commit allows (the products' suppliers are read before any of them is written); two batches that both meet
     * a key with no row yet are sorted out by {@link com.commerceinsight.analytics.analyses.DeltaRows}.
     */
    public static void addToCounts(Connection connection, SaleMembership.Changes changes) throws SQLException {
        if (!changes.isEmpty()) {
            DeltaRows supplierPeriods = SupplierSalesRows.changeOf(connection, changes);
            PairCountRows.apply(connection, changes);
            DailySalesRows.apply(connection, changes);
            supplierPeriods.writeTo(connection);
            ProductSalesRows.changeOf(changes).writeTo(connection);
            CustomerPeriodRows.apply(connection, changes);
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
            for (String sql : CategoryCoverageRows.rebuildAll()) {
                statement.executeUpdate(sql);
            }
            statement.executeUpdate(DailySalesRows.rebuildAll());
            for (String sql : SupplierSalesRows.rebuildAll()) {
                statement.executeUpdate(sql);
            }
            for (String sql : ProductSalesRows.rebuildAll()) {
                statement.executeUpdate(sql);
            }
            for (String sql : CustomerPeriodRows.rebuildAll()) {
                statement.executeUpdate(sql);
            }
        }
    }
}
