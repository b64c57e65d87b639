package com.commerceinsight.analytics.ids;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;


/**
 * Primary keys for rows written through plain JDBC while the service runs, from the tables' sequences with the
 * pooled-lo rule of the ORM and the bulk loaders ({@link IdAllocator}: a sequence value v reserves v .. v + 49), so
 * all three can write the same table without colliding. Unlike a loader's allocator, a block outlives the
 * transaction that fetched it and is shared by all writer threads: a batch of a few orders then costs no sequence
 * round trip most of the time. A value taken in a transaction that rolls back is simply never used (a gap).
 */
@ApplicationScoped
public class SequenceBlocks {

    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    /** The next free id of {@code sequence} (a qualified name such as commerce.orders_seq). */
    public long next(Connection connection, String sequence) throws SQLException {
        return blocks.computeIfAbsent(sequence, Block::new).next(connection);
    }

    private static final class Block {
        private final String nextValueSql;
        private long next;
        private long end;

        Block(String sequence) {
            this.nextValueSql = "SELECT NEXT VALUE FOR " + sequence;
        }

        synchronized long next(Connection connection) throws SQLException {
            if (next == end) {
                try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(nextValueSql)) {
                    rs.next();
                    next = rs.getLong(1);
                    end = next + IdAllocator.BLOCK;
                }
            }
            return next++;
        }
    }
}
