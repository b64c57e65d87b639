package com.commerceinsight.recommender.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The database keeps at most one active model version, even when code activates one without retiring the other. */
@QuarkusTest
class OneActiveModelTest {

    @Inject
    DataSource dataSource;

    @Test
    void aSecondActivationCannotLeaveTwoActive() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String first = insertVersion(connection, "first");
                String second = insertVersion(connection, "second");
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE recommender.model_version SET active = FALSE");
                    assertThat(statement.executeUpdate("UPDATE recommender.model_version SET active = TRUE WHERE id = '" + first + "'")).isOne();
                    assertThatThrownBy(() -> statement.executeUpdate("UPDATE recommender.model_version SET active = TRUE WHERE id = '" + second + "'"))
                            .isInstanceOf(SQLException.class);
                    try (ResultSet rs = statement.executeQuery("SELECT id FROM recommender.model_version WHERE active = TRUE")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString(1)).isEqualTo(first);
                        assertThat(rs.next()).isFalse();
                    }
                    // Retiring the first, then activating the second, is the registry's way and is allowed.
                    statement.executeUpdate("UPDATE recommender.model_version SET active = FALSE WHERE id = '" + first + "'");
                    assertThat(statement.executeUpdate("UPDATE recommender.model_version SET active = TRUE WHERE id = '" + second + "'")).isOne();
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static String insertVersion(Connection connection, String id) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO recommender.model_version (id, algorithm, params_json,"
                + " report_json, cutoff, trained_until, customers, products, created_at, active, model_bytes)"
                + " VALUES (?, 'als', '{}', '{}', ?, ?, 1, 1, ?, FALSE, ?)")) {
            LocalDateTime now = LocalDateTime.of(2025, 1, 1, 0, 0);
            insert.setString(1, "one-active-test-" + id);
            insert.setObject(2, now);
            insert.setObject(3, now);
            insert.setObject(4, now);
            insert.setBytes(5, new byte[] {1});
            insert.executeUpdate();
            return "one-active-test-" + id;
        }
    }
}
