package com.commerceinsight.recommender.foldin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;


import io.agroal.api.AgroalDataSource;

/**
 * Reads from the commerce tables what customers bought from a model version's training end on: the purchases a
 * fold-in adds to their trained rows. The same purchases as training reads (order lines of sales with a positive
 * quantity, by a known customer), so a version learns each purchase once, either in training or in a fold-in. Read on
 * the caller's transaction, in plain JDBC for the reasons CommerceSignalReader gives.
 */
@ApplicationScoped
public class PurchasesSinceTraining {

    private static final String LINES = "SELECT o.customer_id, o.id, l.product_id FROM commerce.orders o"
            + " JOIN commerce.order_line l ON l.order_id = o.id"
            + " WHERE o.customer_id IS NOT NULL AND o.kind = 'sale' AND l.quantity > 0 AND o.ordered_at >= ?";

    /** Rows per round trip (the H2 driver's default is 100): an activation reads every line since the training. */
    private static final int FETCH_SIZE = 10_000;

    private final AgroalDataSource dataSource;

    public PurchasesSinceTraining(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Every customer's purchases ordered at or after {@code since}: by customer, by order, the product of each line.
     * What an activation folds in.
     */
    public Map<Long, Map<Long, List<Long>>> ofEveryone(Instant since) throws SQLException {
        Map<Long, Map<Long, List<Long>>> bought = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(LINES)) {
            statement.setTimestamp(1, timestamp(since));
            read(statement, bought);
        }
        return bought;
    }

    private static void read(PreparedStatement statement, Map<Long, Map<Long, List<Long>>> bought) throws SQLException {
        statement.setFetchSize(FETCH_SIZE);
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                bought.computeIfAbsent(row.getLong(1), customer -> new HashMap<>())
                        .computeIfAbsent(row.getLong(2), order -> new ArrayList<>()).add(row.getLong(3));
            }
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
