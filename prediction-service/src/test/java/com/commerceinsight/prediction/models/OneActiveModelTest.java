package com.commerceinsight.prediction.models;

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
                long first = insertVersion(connection);
                long second = insertVersion(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE prediction.model_version SET active = FALSE");
                    assertThat(statement.executeUpdate("UPDATE prediction.model_version SET active = TRUE WHERE id = " + first)).isOne();
                    assertThatThrownBy(() -> statement.executeUpdate("UPDATE prediction.model_version SET active = TRUE WHERE id = " + second))
                            .isInstanceOf(SQLException.class);
                    try (ResultSet rs = statement.executeQuery("SELECT id FROM prediction.model_version WHERE active = TRUE")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(first);
                        assertThat(rs.next()).isFalse();
                    }
                    // Retiring the first, then activating the second, is the registry's way and is allowed.
                    statement.executeUpdate("UPDATE prediction.model_version SET active = FALSE WHERE id = " + first);
                    assertThat(statement.executeUpdate("UPDATE prediction.model_version SET active = TRUE WHERE id = " + second)).isOne();
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static long insertVersion(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO prediction.model_version (algorithm, parameters,"
                + " features, preprocessing, threshold, train_cutoff, test_cutoff, horizon_days, evaluation, model, active, created_at)"
                + " VALUES ('RANDOM_FOREST', '{}', '[]', '{}', 0.5, ?, ?, 90, '{}', ?, FALSE, ?)", Statement.RETURN_GENERATED_KEYS)) {
            LocalDateTime now = LocalDateTime.of(2025, 1, 1, 0, 0);
            insert.setObject(1, now.minusDays(90));
            insert.setObject(2, now);
            insert.setBytes(3, new byte[] {1});
            insert.setObject(4, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
