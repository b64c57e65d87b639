package com.commerceinsight.analytics.analyses.counts;

/**
 * commerce.daily_category_cost: per UTC day and product category (0 for products without one), the cost of goods of
 * the day's sale and return movements (units out less units back, times the list price), so that the daily cost of
 * goods adds up one row per category and day instead of joining every movement to its product. Only bulk loads write
 * inventory movements or change list prices, and each of them ends with the summary rebuild, which recomputes this
 * table; no order, status or payment change touches it.
 */
public final class DailyCostRows {

    public static final String TABLE = "commerce.daily_category_cost";

    private DailyCostRows() {
    }

    /** The statement of the rebuild (into an emptied table). */
    public static String rebuildAll() {
        return "INSERT INTO " + TABLE + " (movement_date, category_id, cost)"
                + " SELECT CAST(m.moved_at AS DATE), COALESCE(p.category_id, 0), SUM(-m.quantity * p.price)"
                + " FROM commerce.inventory_movement m JOIN commerce.product p ON p.id = m.product_id"
                + " WHERE m.movement_type IN ('sale', 'return')"
                + " GROUP BY CAST(m.moved_at AS DATE), COALESCE(p.category_id, 0)";
    }
}
