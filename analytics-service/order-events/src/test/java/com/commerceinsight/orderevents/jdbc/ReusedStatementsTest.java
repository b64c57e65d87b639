package com.commerceinsight.orderevents.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.jdbc.JdbcPreparedStatement;
import org.junit.jupiter.api.Test;

class ReusedStatementsTest {

    private static final String URL = "jdbc:h2:mem:reused-statements;DB_CLOSE_DELAY=-1";
    private static final String SELECT = "SELECT v FROM t WHERE id = ?";

    @Test
    void aClosedStatementIsHandedOutAgainWithItsParametersCleared() throws Exception {
        try (Connection connection = connection()) {
            JdbcPreparedStatement first;
            try (PreparedStatement select = ReusedStatements.prepare(connection, SELECT)) {
                select.setLong(1, 1);
                assertThat(valueOf(select)).isEqualTo(10);
                first = select.unwrap(JdbcPreparedStatement.class);
            }
            try (PreparedStatement again = ReusedStatements.prepare(connection, SELECT)) {
                assertThat(again.unwrap(JdbcPreparedStatement.class)).isSameAs(first);
                assertThatThrownBy(again::executeQuery).isInstanceOf(SQLException.class); // parameter 1 not set
                again.setLong(1, 2);
                assertThat(valueOf(again)).isEqualTo(20);
            }
        }
    }

    @Test
    void theSameTextWhileOneIsOutGetsAStatementOfItsOwn() throws Exception {
        try (Connection connection = connection();
             PreparedStatement outer = ReusedStatements.prepare(connection, SELECT);
             PreparedStatement inner = ReusedStatements.prepare(connection, SELECT)) {
            assertThat(inner.unwrap(JdbcPreparedStatement.class)).isNotSameAs(outer.unwrap(JdbcPreparedStatement.class));
            outer.setLong(1, 1);
            inner.setLong(1, 2);
            assertThat(valueOf(outer)).isEqualTo(10);
            assertThat(valueOf(inner)).isEqualTo(20);
        }
    }

    @Test
    void aStatementRefusesUseAfterItsClose() throws Exception {
        try (Connection connection = connection()) {
            PreparedStatement select = ReusedStatements.prepare(connection, SELECT);
            select.close();
            assertThat(select.isClosed()).isTrue();
            assertThatThrownBy(() -> select.setLong(1, 1)).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        }
    }

    @Test
    void statementsOfClosedConnectionsAreDropped() throws Exception {
        int before = ReusedStatements.connectionsKept(); // other tests' connections, open or not, in this JVM
        for (int i = 0; i < 5; i++) {
            try (Connection connection = connection(); PreparedStatement select = ReusedStatements.prepare(connection, SELECT)) {
                select.setLong(1, 1);
                assertThat(valueOf(select)).isEqualTo(10);
            }
        }
        try (Connection connection = connection(); PreparedStatement select = ReusedStatements.prepare(connection, SELECT)) {
            assertThat(ReusedStatements.connectionsKept()).isLessThanOrEqualTo(before + 1);
        }
    }

    private static Connection connection() throws SQLException {
        Connection connection = DriverManager.getConnection(URL, "sa", "");
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE IF NOT EXISTS t (id BIGINT PRIMARY KEY, v BIGINT)");
            ddl.execute("MERGE INTO t KEY (id) VALUES (1, 10), (2, 20)");
        }
        return connection;
    }

    private static long valueOf(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }
}
