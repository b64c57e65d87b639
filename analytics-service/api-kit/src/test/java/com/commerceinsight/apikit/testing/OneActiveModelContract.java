package com.commerceinsight.apikit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.inject.spi.CDI;

import org.junit.jupiter.api.Test;

/**
 * An ML service's database keeps at most one active model, even when code activates one without retiring the other.
 * Each service's {@code OneActiveModelTest} names its model table and how a row is marked active or retired.
 */
public abstract class OneActiveModelContract {

    /** The model table, schema-qualified. */
    protected abstract String modelTable();

    /** The assignment that marks a row active, usable in SET and in WHERE ({@code active = TRUE}). */
    protected abstract String active();

    /** The assignment that marks a row retired ({@code active = FALSE}). */
    protected abstract String retired();

    /** Inserts a retired model and answers its id. */
    protected abstract long insertRetiredModel(Connection connection) throws SQLException;

    @Test
    void aSecondActivationCannotLeaveTwoActive() throws Exception {
        try (Connection connection = CDI.current().select(DataSource.class).get().getConnection()) {
            connection.setAutoCommit(false);
            try {
                long first = insertRetiredModel(connection);
                long second = insertRetiredModel(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE " + modelTable() + " SET " + retired());
                    assertThat(statement.executeUpdate(activate(first))).isOne();
                    assertThatThrownBy(() -> statement.executeUpdate(activate(second))).isInstanceOf(SQLException.class);
                    try (ResultSet rs = statement.executeQuery("SELECT id FROM " + modelTable() + " WHERE " + active())) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(first);
                        assertThat(rs.next()).isFalse();
                    }
                    // Retiring the first, then activating the second, is the registry's way and is allowed.
                    statement.executeUpdate("UPDATE " + modelTable() + " SET " + retired() + " WHERE id = " + first);
                    assertThat(statement.executeUpdate(activate(second))).isOne();
                }
            } finally {
                connection.rollback();
            }
        }
    }

    /** Runs the INSERT with its parameters and answers the id the database gave the row. */
    protected static long insertReturningId(Connection connection, String insert, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insert, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private String activate(long id) {
        return "UPDATE " + modelTable() + " SET " + active() + " WHERE id = " + id;
    }
}
