package com.commerceinsight.orderevents.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Ids asked for in one statement (an IN list, or one branch per id) instead of one statement each: a batch of orders
 * then reads its customers in one round trip to the database, not one per customer. The number of places is rounded
 * up to a power of two and the spare places repeat the last id, so a statement has a handful of texts, which the
 * engines and {@link ReusedStatements} keep prepared; a statement of every length would be prepared anew each time.
 */
public final class InLists {

    /** Places per statement at most: SQL Server takes 2,100 parameters in one statement. */
    public static final int MAX_PLACES = 512;

    private InLists() {
    }

    /** The ids in chunks of at most {@link #MAX_PLACES}, in their iteration order. */
    public static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += MAX_PLACES) {
            chunks.add(all.subList(from, Math.min(all.size(), from + MAX_PLACES)));
        }
        return chunks;
    }

    /** The number of places for a chunk of this many ids: the next power of two. */
    public static int places(int ids) {
        return ids <= 1 ? 1 : Integer.highestOneBit(ids - 1) << 1;
    }

    /** "?, ?, ..." for a chunk of this many ids. */
    public static String marks(int ids) {
        return String.join(", ", Collections.nCopies(places(ids), "?"));
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    /**
     * Runs a query naming the ids, one statement per chunk of them, and hands every row to {@code reader}.
     * {@code sqlForPlaces} gives the statement's text for a number of places (a power of two; its parameters are those
     * places, in order); the statement comes from {@link ReusedStatements}.
     */
    public static void query(Connection connection, Collection<Long> ids, IntFunction<String> sqlForPlaces, RowReader reader)
            throws SQLException {
        for (List<Long> chunk : chunks(ids)) {
            try (PreparedStatement statement = ReusedStatements.prepare(connection, sqlForPlaces.apply(places(chunk.size())))) {
                bind(statement, 1, chunk);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }
    }

    /** Binds the chunk's ids from parameter {@code first} on, the spare places to its last id; returns the next index. */
    public static int bind(PreparedStatement statement, int first, List<Long> chunk) throws SQLException {
        int places = places(chunk.size());
        for (int i = 0; i < places; i++) {
            statement.setLong(first + i, chunk.get(Math.min(i, chunk.size() - 1)));
        }
        return first + places;
    }
}
