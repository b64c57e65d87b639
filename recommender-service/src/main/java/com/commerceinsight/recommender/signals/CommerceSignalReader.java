package com.commerceinsight.recommender.signals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads the recommender's signals from the commerce schema (owned by analytics-service, read-only here). Plain JDBC
 * on purpose: the commerce tables are not this service's entities (their owner may change them), and a training
 * snapshot streams millions of rows that need no managed state. Plain SELECTs with joins, valid on SQL Server and on
 * H2 in MSSQLServer mode. Times are UTC.
 */
@ApplicationScoped
public class CommerceSignalReader {

    /** Order lines of sales (not cancellation notes) by known customers. */
    static final String PURCHASES = "SELECT o.customer_id, l.product_id, o.ordered_at FROM commerce.order_line l"
            + " JOIN commerce.orders o ON o.id = l.order_id WHERE o.customer_id IS NOT NULL AND o.kind = 'sale'"
            + " AND l.quantity > 0";
    static final String WISHLISTS = "SELECT w.customer_id, w.product_id, w.added_at FROM commerce.wishlist_item w";
    static final String REVIEWS = "SELECT r.customer_id, r.product_id, r.reviewed_at, r.rating FROM commerce.review r"
            + " WHERE r.customer_id IS NOT NULL AND r.product_id IS NOT NULL AND r.reviewed_at IS NOT NULL";
    static final String CATEGORIES = "SELECT p.id, p.category_id FROM commerce.product p WHERE p.category_id IS NOT NULL";
    private static final int FETCH_SIZE = 10_000;

    /**
     * How long before the read an order may be dated and still commit after it: an order is dated when a replica
     * accepts it and commits with its transaction, in well under a minute (the transaction timeout), on clocks that
     * agree to far less. The log counts as complete only before the read's start less this; the served model ends
     * there and later orders are folded in. Without it, an order committing while the read ran, dated before the last
     * one read, was in neither the model nor its fold-ins. (An order a client dates further back, a backfill, still
     * waits for the next version.)
     */
    static final Duration IN_FLIGHT = Duration.ofMinutes(2);

    private final DataSource dataSource;

    public CommerceSignalReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every purchase, wishlist entry and review with a customer and a product; settled up to {@link #IN_FLIGHT} before now. */
    public InteractionLog readAll() {
        InteractionLog log = new InteractionLog(1 << 16);
        log.settledBefore(Instant.now().minus(IN_FLIGHT).truncatedTo(ChronoUnit.SECONDS));
        try (Connection connection = dataSource.getConnection()) {
            read(connection, PURCHASES, rs -> log.add(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)), SignalKind.PURCHASE, 0));
            read(connection, WISHLISTS, rs -> log.add(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)), SignalKind.WISHLIST, 0));
            read(connection, REVIEWS, rs -> log.add(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)), SignalKind.REVIEW, rs.getInt(4)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the commerce signals: " + e.getMessage(), e);
        }
        return log;
    }

    /** Each product's category. */
    public Map<Long, Long> productCategories() {
        Map<Long, Long> categories = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            read(connection, CATEGORIES, rs -> categories.put(rs.getLong(1), rs.getLong(2)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read product categories: " + e.getMessage(), e);
        }
        return categories;
    }

    /** Whether the commerce schema holds at least one purchase to learn from (false also when it does not exist). */
    public boolean hasPurchases() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT COUNT(*) FROM commerce.orders o WHERE o.customer_id IS NOT NULL AND o.kind = 'sale'");
                ResultSet rs = statement.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void read(Connection connection, String sql, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
