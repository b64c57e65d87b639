package com.commerceinsight.analytics.analyses.counts;

import java.util.List;
import java.util.Map;

import com.commerceinsight.analytics.analyses.DeltaRows;
import com.commerceinsight.analytics.analyses.Granularity;

/**
 * commerce.product_period_sales: per product and UTC day or month (period_kind D, M), the sales placed in it holding
 * the product, and the units and revenue (quantity times unit price) of their lines of it, so that a supplier's
 * product list and a product's sales series add up a few rows per product instead of every sales line of the range.
 * An order is of one day, so a range's distinct orders are the sum of its periods'. Kept from the orders that entered
 * or left the sales, as supplier_period_sales is, and recomputed by the summary rebuild.
 */
public final class ProductSalesRows {

    public static final String TABLE = "commerce.product_period_sales";

    private static final List<Granularity> GRAINS = List.of(Granularity.DAY, Granularity.MONTH);

    private ProductSalesRows() {
    }

    /** The statements of the rebuild (into an emptied table), after basket_sale is filled: the days, then the months. */
    static List<String> rebuildAll() {
        return List.of("INSERT INTO " + TABLE + " (product_id, period_kind, period_start, orders, units, revenue)"
                        + " SELECT l.product_id, 'D', CAST(o.ordered_at AS DATE), COUNT(DISTINCT o.id), SUM(l.quantity),"
                        + " SUM(l.quantity * l.unit_price)"
                        + " FROM " + SaleMembership.TABLE + " s JOIN commerce.orders o ON o.id = s.order_id"
                        + " JOIN commerce.order_line l ON l.order_id = o.id GROUP BY l.product_id, CAST(o.ordered_at AS DATE)",
                SupplierSalesRows.monthsOfDays(TABLE, "product_id", "orders", "units", "revenue"));
    }

    /** The change the orders that entered or left the sales make to the rows, for the caller to write. */
    static DeltaRows changeOf(SaleMembership.Changes changes) {
        DeltaRows periods = new DeltaRows(TABLE, List.of("product_id", "period_kind", "period_start"), List.of("orders", "units", "revenue"));
        add(periods, changes.entered(), +1);
        add(periods, changes.left(), -1);
        return periods;
    }

    private static void add(DeltaRows periods, Map<Long, SaleMembership.SaleOrder> orders, int sign) {
        for (SaleMembership.SaleOrder order : orders.values()) {
            for (Granularity grain : GRAINS) {
                String kind = CustomerPeriodRows.kindOf(grain);
                order.lines().forEach((product, lines) -> periods.add(List.of(product, kind, grain.periodStart(order.day())),
                        (long) sign, sign * lines.units(), sign < 0 ? lines.revenue().negate() : lines.revenue()));
            }
        }
    }
}
