package com.commerceinsight.analytics.analyses.counts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import com.commerceinsight.analytics.analyses.DeltaRows;

/**
 * commerce.product_sale_count (per product, the sales holding it, and their units and revenue) and
 * commerce.product_pair_sales (per pair of products, the sales holding both): the figures of bought together, wishlist
 * suggestions and top-selling. An order counts once per product and once per pair however many lines name them.
 * <p>
 * Pairs are counted exactly, for every order whatever its size: an order of n distinct products adds n(n-1)/2 pair
 * rows, so an order of 300 products changes 44,850 rows (one batched UPDATE, an INSERT for the new pairs), while the
 * generated orders (1-5 products) change a handful. Capping the products per order would make "orders holding both"
 * mean something else for large orders (Online Retail invoices of hundreds of lines); those come in through imports,
 * which the rebuild recounts in bulk, and an order placed through the API holds at most 500 lines.
 * <p>
 * Rows change through {@link DeltaRows}: in key order, a row falling to zero deleted.
 */
final class PairCountRows {

    static final String PRODUCTS = "commerce.product_sale_count";
    static final String PAIRS = "commerce.product_pair_sales";

    private PairCountRows() {
    }

    /** The statements of the rebuild (into emptied tables), after basket_sale is filled. */
    static List<String> rebuildAll() {
        return List.of(
                "INSERT INTO " + PRODUCTS + " (product_id, orders, units, revenue) SELECT l.product_id, COUNT(DISTINCT l.order_id),"
                        + " SUM(l.quantity), SUM(l.quantity * l.unit_price)"
                        + " FROM " + SaleMembership.TABLE + " s JOIN commerce.order_line l ON l.order_id = s.order_id GROUP BY l.product_id",
                "INSERT INTO " + PAIRS + " (product_a, product_b, orders) SELECT a.product_id, b.product_id, COUNT(DISTINCT a.order_id)"
                        + " FROM " + SaleMembership.TABLE + " s JOIN commerce.order_line a ON a.order_id = s.order_id"
                        + " JOIN commerce.order_line b ON b.order_id = s.order_id AND b.product_id > a.product_id"
                        + " GROUP BY a.product_id, b.product_id");
    }

    /** Adds the products and pairs of the orders that entered the sales and subtracts those of the orders that left. */
    static void apply(Connection connection, SaleMembership.Changes changes) throws SQLException {
        DeltaRows products = new DeltaRows(PRODUCTS, List.of("product_id"), List.of("orders", "units", "revenue"));
        DeltaRows pairs = new DeltaRows(PAIRS, List.of("product_a", "product_b"), List.of("orders"));
        addOrders(changes.entered().values(), +1, products, pairs);
        addOrders(changes.left().values(), -1, products, pairs);
        products.writeTo(connection);
        pairs.writeTo(connection);
    }

    private static void addOrders(Collection<SaleMembership.SaleOrder> orders, int sign, DeltaRows products, DeltaRows pairs) {
        for (SaleMembership.SaleOrder order : orders) {
            List<Long> sorted = new ArrayList<>(order.lines().keySet());
            for (int i = 0; i < sorted.size(); i++) {
                SaleMembership.ProductLines lines = order.lines().get(sorted.get(i));
                products.add(List.of(sorted.get(i)), (long) sign, sign * lines.units(),
                        sign < 0 ? lines.revenue().negate() : lines.revenue());
                for (int j = i + 1; j < sorted.size(); j++) {
                    pairs.add(List.of(sorted.get(i), sorted.get(j)), (long) sign);
                }
            }
        }
    }
}
