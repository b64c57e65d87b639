package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local run's database server (deploy/local/database.sh, DatabaseServer.java), on its own: it keeps the database
 * open for its whole life and compacts the store while it runs, which H2 does not do by itself when every commit is
 * written to the file.
 */
class LocalDatabaseServerIT {

    private static final Path WORK = Path.of("target/local-database-server").toAbsolutePath();
    private static final int PORT = LocalSystem.freePort();
    private static ManagedProcess server;

    @BeforeAll
    static void startServer() throws Exception {
        LocalSystem.deleteRecursively(WORK);
        server = new ManagedProcess("database", List.of("bash", Path.of(System.getProperty("repository.root", "..")).resolve("deploy/local/database.sh").toString(),
                WORK.resolve("db").toString(), Integer.toString(PORT)), Map.of("LOCAL_RUN_CLASSPATH",
                System.getProperty("local-run.classpath", "target/local-run.classpath")), WORK).start();
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
     * Commits that each change one row of a table, as the services' do, leave a chunk each in the file for as long as
     * one of its pages is live. The server moves those pages into newer chunks while it runs, so the chunk count falls
     * back once the writes stop (without it, it stays where the writes left it until the database closes).
     */
    @Test
    void theStoreIsCompactedWhileTheServerRuns() throws Exception {
        int rows = 20_000;
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // H2 keeps a chunk 45 s after its last live page left it, for a file system that flushes late; not what is
            // tested here, and the test's database only.
            statement.execute("SET RETENTION_TIME 0");
            statement.execute("CREATE TABLE compacted (id INT PRIMARY KEY, amount BIGINT NOT NULL)");
            statement.execute("INSERT INTO compacted SELECT X, 0 FROM SYSTEM_RANGE(1, " + rows + ")");
        }
        int afterWrites;
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement("UPDATE compacted SET amount = amount + 1 WHERE id = ?")) {
            Random random = new Random(7);
            for (int i = 0; i < 3_000; i++) { // autocommit: a commit, and so a chunk, each
                update.setInt(1, 1 + random.nextInt(rows));
                update.executeUpdate();
            }
            afterWrites = chunkCount(connection);
        }
        assertThat(afterWrites).as("chunks right after the writes").isGreaterThan(100);

        int now = afterWrites;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (Connection connection = connect()) {
            while (now > afterWrites / 4 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                now = chunkCount(connection);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet sum = statement.executeQuery("SELECT COUNT(*), SUM(amount) FROM compacted")) {
                sum.next();
                assertThat(sum.getInt(1)).isEqualTo(rows);
                assertThat(sum.getLong(2)).as("every update kept").isEqualTo(3_000);
            }
        }
        assertThat(now).as("chunks 30 s after %d right after the writes", afterWrites).isLessThanOrEqualTo(afterWrites / 4);
    }

    private static int chunkCount(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNK_COUNT'")) {
            result.next();
            return Integer.parseInt(result.getString(1));
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + PORT + "/commerce;MODE=MSSQLServer", "sa", "");
    }

}
