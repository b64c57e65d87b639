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
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

import io.agroal.api.AgroalDataSource;

/**
 * Reads from the commerce tables what customers bought from a model version's training end on: the purchases a
 * fold-in adds to their trained rows. The same purchases as training reads (order lines of sales with a positive
 * quantity, by a known customer), so a version learns each purchase once, either in training or in a fold-in. Read on
 * the caller's transaction, in plain JDBC for the reasons CommerceSignalReader gives.
 */
@ApplicationScoped
public class PurchasesSinceTraining {

    private static final String LINES = "SELECT o.customer_id, l.product_id FROM commerce.orders o"
            + " JOIN commerce.order_line l ON l.order_id = o.id"
            + " WHERE o.customer_id IS NOT NULL AND o.kind = 'sale' AND l.quantity > 0 AND o.ordered_at >= ?";

    /**
     * Rows per round trip: a batch's customers can have a few thousand lines since the training (the H2 driver's default
     * of 100 made the read a few dozen round trips).
     */
    private static final int FETCH_SIZE = 10_000;

    private final AgroalDataSource dataSource;

    public PurchasesSinceTraining(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * These customers' purchases ordered at or after {@code since}: the product of each line, by customer (one without
     * any is left out). An event batch names up to a few hundred customers: one statement per {@link InLists} chunk,
     * through the (customer_id, ordered_at) index.
     */
    public Map<Long, List<Long>> of(Collection<Long> customerIds, Instant since) throws SQLException {
        Map<Long, List<Long>> bought = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (List<Long> chunk : InLists.chunks(customerIds)) {
                String sql = LINES + " AND o.customer_id IN (" + InLists.marks(chunk.size()) + ")";
                try (PreparedStatement statement = ReusedStatements.prepare(connection, sql)) {
                    statement.setTimestamp(1, timestamp(since));
                    InLists.bind(statement, 2, chunk);
                    read(statement, bought);
                }
            }
        }
        return bought;
    }

    /** Every customer's purchases ordered at or after {@code since}, by customer: what an activation folds in. */
    public Map<Long, List<Long>> ofEveryone(Instant since) throws SQLException {
        Map<Long, List<Long>> bought = new HashMap<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(LINES)) {
            statement.setTimestamp(1, timestamp(since));
            read(statement, bought);
        }
        return bought;
    }

    private static void read(PreparedStatement statement, Map<Long, List<Long>> bought) throws SQLException {
        statement.setFetchSize(FETCH_SIZE);
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                bought.computeIfAbsent(row.getLong(1), customer -> new ArrayList<>()).add(row.getLong(2));
            }
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
