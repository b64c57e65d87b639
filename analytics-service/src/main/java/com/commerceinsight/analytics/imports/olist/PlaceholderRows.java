package com.commerceinsight.analytics.imports.olist;

import java.sql.Connection;
import java.sql.SQLException;

import com.commerceinsight.analytics.jdbc.BatchInserter;
import com.commerceinsight.analytics.jdbc.CommerceTable;
import com.commerceinsight.analytics.imports.FileReport;
import com.commerceinsight.analytics.ids.IdAllocator;
import com.commerceinsight.analytics.imports.SourceKeys;

/**
 * Resolves references to one table's keys, creating a placeholder row (and a note in the referring file's report)
 * for a key that the file defining the table does not hold. A placeholder is inserted at once rather than batched:
 * the batch of rows referring to it may be flushed at any moment, and a complete extract has few placeholders.
 */
final class PlaceholderRows implements AutoCloseable {

    /** The placeholder row for a key, in the table's column order. */
    @FunctionalInterface
    interface RowFor {
        Object[] row(long id, String key);
    }

    private final SourceKeys<String> keys;
    private final IdAllocator ids;
    private final BatchInserter insert;
    private final RowFor rowFor;
    private final FileReport referringFile;
    private final String note;

    PlaceholderRows(Connection connection, CommerceTable table, IdAllocator ids, SourceKeys<String> keys, RowFor rowFor,
                    FileReport referringFile, String note) throws SQLException {
        this.keys = keys;
        this.ids = ids;
        this.insert = new BatchInserter(connection, table.qualifiedName(), table.columns(), 1);
        this.rowFor = rowFor;
        this.referringFile = referringFile;
        this.note = note;
    }

    /** The id of the key's row, a new placeholder if the key is unknown; call only once the record is valid. */
    long idFor(String key) throws SQLException {
        Long id = keys.find(key);
        if (id != null) {
            return id;
        }
        long placeholder = ids.next();
        insert.add(rowFor.row(placeholder, key));
        keys.put(key, placeholder);
        referringFile.note(note);
        return placeholder;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
