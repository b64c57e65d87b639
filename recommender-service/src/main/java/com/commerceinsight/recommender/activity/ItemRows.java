package com.commerceinsight.recommender.activity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Writes a batch's bought items through JDBC without reading them first: every change is a delta (quantity and orders
 * added, the first and last purchase times as a minimum and a maximum) that the database applies to whatever the row
 * holds. One UPDATE per item sent as one JDBC batch, then one INSERT batch for the customer's products that had no row
 * yet.
 */
final class ItemRows {

    private static final String ADD_DELTA = "UPDATE recommender.customer_item SET quantity = quantity + ?, orders = orders + ?, "
            + "first_bought_at = CASE WHEN first_bought_at > ? THEN ? ELSE first_bought_at END, "
            + "last_bought_at = CASE WHEN last_bought_at < ? THEN ? ELSE last_bought_at END WHERE customer_id = ? AND product_id = ?";

    private static final String INSERT = "INSERT INTO recommender.customer_item (customer_id, product_id, quantity, orders, first_bought_at, last_bought_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)";

    private ItemRows() {
    }

    /** Adds each delta (the change from no row: never without a purchase time) to its row, or inserts it as the row. */
    static void addDeltas(Connection connection, Collection<CustomerItem> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        List<CustomerItem> ordered = new ArrayList<>(deltas);
        int[] updated;
        try (PreparedStatement update = connection.prepareStatement(ADD_DELTA)) {
            for (CustomerItem delta : ordered) {
                Timestamp firstAt = Timestamp.valueOf(delta.firstBoughtAt);
                Timestamp lastAt = Timestamp.valueOf(delta.lastBoughtAt);
                update.setInt(1, delta.quantity);
                update.setInt(2, delta.orders);
                update.setTimestamp(3, firstAt); // a row's NULL first time (unknown) is not greater: stays NULL
                update.setTimestamp(4, firstAt);
                update.setTimestamp(5, lastAt);
                update.setTimestamp(6, lastAt);
                update.setLong(7, delta.customerId);
                update.setLong(8, delta.productId);
                update.addBatch();
            }
            updated = update.executeBatch();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            boolean any = false;
            for (int i = 0; i < ordered.size(); i++) {
                if (updated[i] > 0) {
                    continue;
                }
                CustomerItem row = ordered.get(i);
                insert.setLong(1, row.customerId);
                insert.setLong(2, row.productId);
                insert.setInt(3, row.quantity);
                insert.setInt(4, row.orders);
                insert.setTimestamp(5, Timestamp.valueOf(row.firstBoughtAt));
                insert.setTimestamp(6, Timestamp.valueOf(row.lastBoughtAt));
                insert.addBatch();
                any = true;
            }
            if (any) {
                insert.executeBatch();
            }
        }
    }
}
