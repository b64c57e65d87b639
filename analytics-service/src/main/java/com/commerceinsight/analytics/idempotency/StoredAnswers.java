package com.commerceinsight.analytics.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The first answers to idempotency keys (commerce.idempotent_request), read and written on the caller's connection,
 * so an answer is stored by the same transaction that wrote what it answers. Plain JDBC: the rows are written once and
 * read by key, which needs none of the ORM's bookkeeping.
 */
final class StoredAnswers {

    /** The primary key's name, which a lost race on the same key names in its failure. */
    static final String PRIMARY_KEY = "pk_idempotent_request";

    private StoredAnswers() {
    }

    /** The stored answers among these keys' ids, one statement per key (there are few: a batch of orders at most). */
    static Map<IdempotencyKey.Id, StoredAnswer> find(Connection connection, Collection<IdempotencyKey.Id> ids) throws SQLException {
        Map<IdempotencyKey.Id, StoredAnswer> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT request_sha256, response FROM commerce.idempotent_request"
                + " WHERE caller = ? AND operation = ? AND idempotency_key = ?")) {
            for (IdempotencyKey.Id id : ids) {
                select.setString(1, id.caller());
                select.setString(2, id.operation());
                select.setString(3, id.key());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        found.put(id, new StoredAnswer(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        return found;
    }

    /**
     * Stores first answers. A concurrent request with the same key that stored first makes this fail on
     * {@value #PRIMARY_KEY}, and the whole transaction rolls back; run again, it finds that answer.
     */
    static void insert(Connection connection, List<Map.Entry<IdempotencyKey, String>> answers) throws SQLException {
        if (answers.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO commerce.idempotent_request"
                + " (caller, operation, idempotency_key, request_sha256, response, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<IdempotencyKey, String> answer : answers) {
                IdempotencyKey.Id id = answer.getKey().id();
                insert.setString(1, id.caller());
                insert.setString(2, id.operation());
                insert.setString(3, id.key());
                insert.setString(4, answer.getKey().requestSha256());
                insert.setString(5, answer.getValue());
                insert.setObject(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Whether a failure is a lost race to store the same key: running the request again replays the winner's answer. */
    static boolean isLostKeyRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().toLowerCase().contains(PRIMARY_KEY)) {
                return true;
            }
        }
        return false;
    }
}
