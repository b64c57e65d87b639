package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local run's database server (deploy/local/database.sh, DatabaseServer.java), on its own: it holds the database
 * open for its whole life.
 */
class LocalDatabaseServerIT {

    private static final Path WORK = Path.of("target/local-database-server").toAbsolutePath();
    private static final int PORT = LocalSystem.freePort();
    private static ManagedProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        LocalSystem.deleteRecursively(WORK);
        server = LocalSystem.script(WORK, "database", "database.sh", WORK.resolve("db").toString(), Integer.toString(PORT)).start();
        server.awaitPort(PORT, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        server.stop();
    }

    /**
     * The server holds the database open, so a schema change outlives the session that made it. H2 2.4.240 then failed
     * every row checked against a CHECK constraint added by a session that had since closed ("Check constraint
     * invalid ... The database has been closed"); a migration that adds one must keep working for the other services.
     */
    @Test
    void aCheckConstraintStillHoldsAfterTheSessionThatAddedItClosed() throws SQLException {
        try (Connection migration = connect(); Statement statement = migration.createStatement()) {
            statement.execute("CREATE SCHEMA checked");
            statement.execute("CREATE TABLE checked.orders (id BIGINT PRIMARY KEY, kind VARCHAR(20) NOT NULL)");
            statement.execute("ALTER TABLE checked.orders ADD CONSTRAINT ck_checked_kind CHECK (kind IN ('sale','cancellation'))");
        }
        try (Connection service = connect(); Statement statement = service.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO checked.orders VALUES (1, 'sale')")).isEqualTo(1);
            assertThatThrownBy(() -> statement.executeUpdate("INSERT INTO checked.orders VALUES (2, 'gift')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(23513));
        }
    }

    /**
     * The services' URL carries no setting: the server's own are the database's. Above all every commit is written to
     * the file (WRITE_DELAY=0), which the database drills need to lose no acknowledged order.
     */
    @Test
    void theDatabaseRunsWithTheServersSettings() throws SQLException {
        try (Connection service = connect(); Statement statement = service.createStatement();
             ResultSet settings = statement.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME IN ('WRITE_DELAY', 'CACHE_SIZE', 'MODE')")) {
            Map<String, String> found = new HashMap<>();
            while (settings.next()) {
                found.put(settings.getString(1), settings.getString(2));
            }
            assertThat(found).containsEntry("WRITE_DELAY", "0").containsEntry("CACHE_SIZE", "262144").containsEntry("MODE", "MSSQLServer");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(LocalSystem.jdbcUrl(PORT), "sa", "");
    }

}
