package com.commerceinsight.analytics.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import io.quarkus.narayana.jta.QuarkusTransaction;

import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.orderevents.jdbc.ReusedStatements;

/**
 * Reads the rows waiting for publication and marks them published, each in a short transaction of its own. Plain
 * JDBC: the relay runs a round per handful of orders under load, and as entity queries the two statements of a round
 * (an HQL page query, an HQL update whose IN list has a new length each time, so it was translated anew) cost more
 * of this service's CPU than writing the orders did.
 */
@ApplicationScoped
public class OutboxStore {

    private static final String COLUMNS = "SELECT id, event_id, event_type, topic, message_key, payload, traceparent"
            + " FROM commerce.outbox_event WHERE published_at IS NULL";
    private static final String UNPUBLISHED = COLUMNS + " ORDER BY id";
    private static final String MARK_PUBLISHED = "UPDATE commerce.outbox_event SET published_at = ? WHERE id = ?";

    private final DataSource dataSource;

    public OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} unpublished rows, in id order. */
    public List<OutboxMessage> nextUnpublished(int limit) {
        return nextUnpublished(limit, List.of());
    }

    /**
     * Up to {@code limit} unpublished rows, in id order, leaving out {@code sentAlready} (at most
     * {@link InLists#MAX_PLACES} ids: rows the relay has sent but not marked yet). One statement on an auto-commit
     * connection: the relay reads up to 50 times a second, and a transaction around a read would add a commit's round
     * trip to each.
     */
    public List<OutboxMessage> nextUnpublished(int limit, List<Long> sentAlready) {
        if (sentAlready.size() > InLists.MAX_PLACES) {
            throw new IllegalArgumentException("at most " + InLists.MAX_PLACES + " rows can be left out, not " + sentAlready.size());
        }
        String sql = sentAlready.isEmpty() ? UNPUBLISHED
                : COLUMNS + " AND id NOT IN (" + InLists.marks(sentAlready.size()) + ") ORDER BY id";
        List<OutboxMessage> rows = new ArrayList<>(limit);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = ReusedStatements.prepare(connection, sql)) {
            if (!sentAlready.isEmpty()) {
                InLists.bind(select, 1, sentAlready);
            }
            select.setMaxRows(limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the outbox", e);
        }
        return rows;
    }

    /**
     * Marks the rows published: one prepared UPDATE sent as one JDBC batch, in one transaction. By id, not by id
     * range: a row of a transaction that committed after the read can have an id inside the range and is not sent yet.
     */
    public void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement mark = ReusedStatements.prepare(connection, MARK_PUBLISHED)) {
                for (Long id : ids) {
                    mark.setObject(1, now);
                    mark.setLong(2, id);
                    mark.addBatch();
                }
                mark.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot mark outbox rows published", e);
            }
        });
    }

    /** Rows not yet published, and the time of the oldest (null when none wait). */
    public Backlog backlog() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = OutboxEvent.getEntityManager()
                    .createQuery("select count(e), min(e.occurredAt) from OutboxEvent e where e.publishedAt is null", Object[].class)
                    .getSingleResult();
            return new Backlog((Long) row[0], (LocalDateTime) row[1]);
        });
    }

    public record Backlog(long waiting, LocalDateTime oldestOccurredAt) {
    }
}
