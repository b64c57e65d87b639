package com.commerceinsight.analytics.analyses.counts;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.commerceinsight.analytics.analyses.DeltaRows;
import com.commerceinsight.analytics.analyses.Granularity;
import com.commerceinsight.orderevents.jdbc.InLists;

/**
 * commerce.supplier_period_sales: per UTC day and per month (period_kind D, M) and supplier (a product's supplier is
 * the product's own), the sales placed in it holding one of its products, and the units and revenue (quantity times
 * unit price) of their lines of its products, so that the supplier list adds up the months wholly inside the range and
 * the days at its edges instead of every sales line of the range. An order is of one day, so a range's distinct orders
 * are the sum of its periods'. Kept from the orders that entered or left the sales, as daily_sales is, and recomputed
 * by the summary rebuild. Products without a supplier are left out; a product's supplier changes only through bulk
 * loads, which end with the rebuild.
 */
public final class SupplierSalesRows {

    public static final String TABLE = "commerce.supplier_period_sales";

    private static final List<Granularity> GRAINS = List.of(Granularity.DAY, Granularity.MONTH);

    private SupplierSalesRows() {
    }

    /** The statements of the rebuild (into an emptied table), after basket_sale is filled: the days, then the months. */
    static List<String> rebuildAll() {
        return List.of("INSERT INTO " + TABLE + " (period_kind, period_start, supplier_id, orders, units, revenue)"
                        + " SELECT 'D', CAST(o.ordered_at AS DATE), p.supplier_id, COUNT(DISTINCT o.id), SUM(l.quantity),"
                        + " SUM(l.quantity * l.unit_price)"
                        + " FROM " + SaleMembership.TABLE + " s JOIN commerce.orders o ON o.id = s.order_id"
                        + " JOIN commerce.order_line l ON l.order_id = o.id JOIN commerce.product p ON p.id = l.product_id"
                        + " WHERE p.supplier_id IS NOT NULL GROUP BY CAST(o.ordered_at AS DATE), p.supplier_id",
                monthsOfDays(TABLE, "supplier_id", "orders", "units", "revenue"));
    }

    /** The month rows of a period table keyed by {@code key} (a supplier's, a product's) summed from its day rows just written. */
    static String monthsOfDays(String table, String key, String... measures) {
        String month = CustomerPeriodRows.periodStart(Granularity.MONTH, "period_start");
        String sums = String.join(", ", Arrays.stream(measures).map(m -> "SUM(" + m + ")").toList());
        return "INSERT INTO " + table + " (period_kind, period_start, " + key + ", " + String.join(", ", measures) + ")"
                + " SELECT 'M', " + month + ", " + key + ", " + sums + " FROM " + table + " WHERE period_kind = 'D'"
                + " GROUP BY " + month + ", " + key;
    }

    /**
     * The change the orders that entered or left the sales make to the rows: their lines' suppliers are read here (one
     * statement per chunk of products), the rows are written by the caller.
     */
    static DeltaRows changeOf(Connection connection, SaleMembership.Changes changes) throws SQLException {
        Set<Long> products = new TreeSet<>();
        changes.entered().values().forEach(order -> products.addAll(order.lines().keySet()));
        changes.left().values().forEach(order -> products.addAll(order.lines().keySet()));
        Map<Long, Long> suppliers = new HashMap<>();
        InLists.query(connection, products, places -> "SELECT id, supplier_id FROM commerce.product WHERE id IN ("
                + InLists.marks(places) + ") AND supplier_id IS NOT NULL", row -> suppliers.put(row.getLong(1), row.getLong(2)));
        DeltaRows periods = new DeltaRows(TABLE, List.of("period_kind", "period_start", "supplier_id"),
                List.of("orders", "units", "revenue"));
        add(periods, changes.entered(), suppliers, +1);
        add(periods, changes.left(), suppliers, -1);
        return periods;
    }

    private static void add(DeltaRows periods, Map<Long, SaleMembership.SaleOrder> orders, Map<Long, Long> suppliers, int sign) {
        for (SaleMembership.SaleOrder order : orders.values()) {
            Map<Long, SaleMembership.ProductLines> bySupplier = new TreeMap<>();
            order.lines().forEach((product, lines) -> {
                Long supplier = suppliers.get(product);
                if (supplier != null) {
                    bySupplier.merge(supplier, lines, SaleMembership.ProductLines::plus);
                }
            });
            for (Granularity grain : GRAINS) {
                String kind = CustomerPeriodRows.kindOf(grain);
                bySupplier.forEach((supplier, lines) -> periods.add(List.of(kind, grain.periodStart(order.day()), supplier),
                        (long) sign, sign * lines.units(), sign < 0 ? lines.revenue().negate() : lines.revenue()));
            }
        }
    }
}
