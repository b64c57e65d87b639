package com.commerceinsight.apikit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;

/**
 * An ML service's train command as a Kubernetes job runs it: each launch is a process of its own on one database
 * file (so the test can prepare it between launches) and exits with a code the job's status follows. Without
 * commerce data the run fails (exit 1); while another replica holds the training lease it is skipped (exit 0) and
 * trains nothing. Each service's {@code TrainCommandTest} runs it under {@link OwnDatabaseFile}, naming its tables.
 */
public abstract class TrainCommandContract {

    private static final Path FOLDER = Path.of("target", "train-command-test");
    private static final String URL = "jdbc:h2:file:./target/train-command-test/db;MODE=MSSQLServer";

    public static class OwnDatabaseFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", URL);
        }
    }

    /** The service's schema, which holds its {@code training_lease} table. */
    protected abstract String schema();

    /** How the command prints a job's id: {@code \S+} for a UUID, {@code \d+} for a number. */
    protected abstract String jobIdPattern();

    /** Counts the models a run would add: none may appear while another run holds the lease. */
    protected abstract String trainedModelsQuery();

    /** Puts commerce data in the database file the first launch created; none by default. */
    protected void prepareCommerce(Connection connection) throws Exception {
    }

    /** Runs after the skipped run, on the same database file: a service that trains here checks it; nothing by default. */
    protected void afterTheSkippedRun(QuarkusMainLauncher launcher) throws Exception {
    }

    @Test
    void failsWithoutCommerceDataAndIsSkippedWhileAnotherRunTrains(QuarkusMainLauncher launcher) throws Exception {
        deleteFolder();

        LaunchResult withoutCommerce = launcher.launch("train");
        assertThat(withoutCommerce.exitCode()).as(withoutCommerce.getOutput()).isEqualTo(1);
        assertThat(withoutCommerce.getOutput()).containsPattern("training job " + jobIdPattern() + ": FAILED");

        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            prepareCommerce(connection);
            statement.executeUpdate("UPDATE " + schema() + ".training_lease SET holder = 'another replica',"
                    + " expires_at = DATEADD(MINUTE, 10, CURRENT_TIMESTAMP)");
        }
        LaunchResult whileAnotherTrains = launcher.launch("train");
        assertThat(whileAnotherTrains.exitCode()).as(whileAnotherTrains.getOutput()).isZero();
        assertThat(whileAnotherTrains.getOutput()).containsPattern("training job " + jobIdPattern() + ": SKIPPED")
                .contains("another run holds the training lease");
        assertThat(count(trainedModelsQuery())).isZero();

        afterTheSkippedRun(launcher);
    }

    /** A connection to the database file the launches share. */
    protected static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "sa", "");
    }

    /** The single number a {@code SELECT COUNT(*)} answers. */
    protected static int count(String query) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void deleteFolder() throws Exception {
        if (Files.exists(FOLDER)) {
            try (Stream<Path> files = Files.walk(FOLDER)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
