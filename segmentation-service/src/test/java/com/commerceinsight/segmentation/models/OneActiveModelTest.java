package com.commerceinsight.segmentation.models;

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

/** The database keeps at most one ACTIVE model, even when code activates one without retiring the other. */
@QuarkusTest
class OneActiveModelTest {

    @Inject
    DataSource dataSource;

    @Test
    void aSecondActivationCannotLeaveTwoActive() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long first = insertRetiredModel(connection);
                long second = insertRetiredModel(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("UPDATE segmentation.segmentation_model SET status = 'RETIRED'");
                    assertThat(statement.executeUpdate("UPDATE segmentation.segmentation_model SET status = 'ACTIVE' WHERE id = " + first)).isOne();
                    assertThatThrownBy(() -> statement.executeUpdate("UPDATE segmentation.segmentation_model SET status = 'ACTIVE' WHERE id = " + second))
                            .isInstanceOf(SQLException.class);
                    try (ResultSet rs = statement.executeQuery("SELECT id FROM segmentation.segmentation_model WHERE status = 'ACTIVE'")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(first);
                        assertThat(rs.next()).isFalse();
                    }
                    // Retiring the first, then activating the second, is the registry's way and is allowed.
                    statement.executeUpdate("UPDATE segmentation.segmentation_model SET status = 'RETIRED' WHERE id = " + first);
                    assertThat(statement.executeUpdate("UPDATE segmentation.segmentation_model SET status = 'ACTIVE' WHERE id = " + second)).isOne();
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private static long insertRetiredModel(Connection connection) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segmentation.segmentation_model (status, trained_at,"
                + " snapshot_at, k, customers, silhouette, next_segment_id, definition, report)"
                + " VALUES ('RETIRED', ?, ?, 2, 10, 0.5, 3, '{}', '{}')", Statement.RETURN_GENERATED_KEYS)) {
            LocalDateTime now = LocalDateTime.of(2025, 1, 1, 0, 0);
            insert.setObject(1, now);
            insert.setObject(2, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
