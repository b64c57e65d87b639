package com.commerceinsight.analytics.ids;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Hands out primary keys from a table's sequence in blocks, with the same pooled-lo rule Hibernate uses for
 * these sequences (a sequence value v reserves v .. v + BLOCK - 1), so bulk loaders and the ORM never collide
 * and a loader asks the database once per block rather than once per row.
 */
public final class IdAllocator {

    /** Must equal the sequences' INCREMENT BY in the changelog and the entities' allocation size. */
    public static final int BLOCK = 50;

    private final Connection connection;
    private final String nextValueSql;
    private long next;
    private long end;

    public IdAllocator(Connection connection, String sequence) {
        this.connection = connection;
        this.nextValueSql = "SELECT NEXT VALUE FOR " + sequence;
    }

    /** The allocator for a commerce table whose sequence is {@code commerce.<table>_seq}. */
    public static IdAllocator forCommerceTable(Connection connection, String table) {
        return new IdAllocator(connection, "commerce." + table + "_seq");
    }

    public long next() throws SQLException {
        if (next == end) {
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(nextValueSql)) {
                rs.next();
                next = rs.getLong(1);
                end = next + BLOCK;
            }
        }
        return next++;
    }
}
