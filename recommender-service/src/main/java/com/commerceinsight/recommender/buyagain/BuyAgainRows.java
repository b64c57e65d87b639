package com.commerceinsight.recommender.buyagain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads buy-again's inputs from the bought items the order-event consumer keeps ({@code recommender.customer_item}),
 * so a list reflects an order as soon as its event is applied. Plain JDBC: read-only projections, no managed state.
 */
@ApplicationScoped
public class BuyAgainRows {

    private static final String CUSTOMER = "SELECT product_id, orders, first_bought_at, last_bought_at"
            + " FROM recommender.customer_item WHERE customer_id = ?";
    private static final String SHARES = "SELECT product_id, COUNT(*), SUM(CASE WHEN orders > 1 THEN 1 ELSE 0 END)"
            + " FROM recommender.customer_item GROUP BY product_id";

    private final DataSource dataSource;

    public BuyAgainRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What the customer bought, one entry per product; empty for a customer whose orders this service has not seen. */
    public List<PurchaseHistory> historyOf(long customerId) {
        List<PurchaseHistory> histories = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(CUSTOMER)) {
            select.setLong(1, customerId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    histories.add(new PurchaseHistory(rs.getLong(1), rs.getInt(2), instant(rs.getTimestamp(3)),
                            instant(rs.getTimestamp(4))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the customer's bought items: " + e.getMessage(), e);
        }
        return histories;
    }

    /** Every product's repurchase share over all customers' bought items. */
    public RepurchaseShares shares() {
        RepurchaseShares.Counter counter = RepurchaseShares.counter();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(SHARES);
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                counter.add(rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the products' repurchase shares: " + e.getMessage(), e);
        }
        return counter.build();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
