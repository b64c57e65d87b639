package com.commerceinsight.analytics.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

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

    /** Binds the chunk's ids from parameter {@code first} on, the spare places to its last id; returns the next index. */
    public static int bind(PreparedStatement statement, int first, List<Long> chunk) throws SQLException {
        int places = places(chunk.size());
        for (int i = 0; i < places; i++) {
            statement.setLong(first + i, chunk.get(Math.min(i, chunk.size() - 1)));
        }
        return first + places;
    }
}
