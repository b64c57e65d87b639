package com.commerceinsight.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every index of the migrated schema earns its writes: no table has two indexes on the same columns (H2 creates one
 * per foreign key unless an identical index exists; the changelog hands those keys the explicit indexes).
 */
@QuarkusTest
class SchemaIndexesTest {

    @Inject
    DataSource dataSource;

    @Test
    void noTableHasTwoIndexesOnTheSameColumns() throws Exception {
        List<String> duplicates = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name, columns, COUNT(*) FROM ("
                     + " SELECT i.table_name, i.index_name,"
                     + " LISTAGG(c.column_name, ',') WITHIN GROUP (ORDER BY c.ordinal_position) AS columns"
                     + " FROM information_schema.indexes i JOIN information_schema.index_columns c"
                     + " ON c.index_schema = i.index_schema AND c.index_name = i.index_name AND c.table_name = i.table_name"
                     + " WHERE i.table_schema = 'COMMERCE' GROUP BY i.table_name, i.index_name) x"
                     + " GROUP BY table_name, columns HAVING COUNT(*) > 1")) {
            while (rows.next()) {
                duplicates.add(rows.getString(1) + "(" + rows.getString(2) + ") x" + rows.getInt(3));
            }
        }
        assertThat(duplicates).isEmpty();
    }
}
