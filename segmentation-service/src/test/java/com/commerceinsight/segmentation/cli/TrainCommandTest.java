package com.commerceinsight.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.commerceinsight.segmentation.training.PlantedShop;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The train command as a Kubernetes job runs it: each launch is a process of its own on one database file (so the
 * test can prepare it between launches), trains once, and exits with a code the job's status follows.
 */
@QuarkusMainTest
@TestProfile(TrainCommandTest.OwnDatabaseFile.class)
class TrainCommandTest {

    private static final Path FOLDER = Path.of("target", "train-command-test");
    private static final String URL = "jdbc:h2:file:./target/train-command-test/db;MODE=MSSQLServer";

    public static class OwnDatabaseFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url", URL);
        }
    }

    @Test
    void failsWithoutCommerceDataIsSkippedWhileAnotherRunTrainsAndTrainsOnceItMayTrain(QuarkusMainLauncher launcher) throws Exception {
        deleteFolder();

        LaunchResult withoutCommerce = launcher.launch("train");
        assertThat(withoutCommerce.exitCode()).as(withoutCommerce.getOutput()).isEqualTo(1);
        assertThat(withoutCommerce.getOutput()).containsPattern("training job \\d+: FAILED");

        try (Connection connection = DriverManager.getConnection(URL, "sa", ""); Statement statement = connection.createStatement()) {
            PlantedShop.plant(connection);
            statement.executeUpdate("UPDATE segmentation.training_lease SET holder = 'another replica',"
                    + " expires_at = DATEADD(MINUTE, 10, CURRENT_TIMESTAMP)");
        }
        LaunchResult whileAnotherTrains = launcher.launch("train");
        assertThat(whileAnotherTrains.exitCode()).as(whileAnotherTrains.getOutput()).isZero();
        assertThat(whileAnotherTrains.getOutput()).containsPattern("training job \\d+: SKIPPED")
                .contains("another run holds the training lease");
        assertThat(activeModels()).isZero();

        try (Connection connection = DriverManager.getConnection(URL, "sa", ""); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE segmentation.training_lease SET holder = NULL, expires_at = CURRENT_TIMESTAMP");
        }
        LaunchResult trained = launcher.launch("train", "--snapshot-at", PlantedShop.SNAPSHOT.toString());
        assertThat(trained.exitCode()).as(trained.getOutput()).isZero();
        assertThat(trained.getOutput()).containsPattern("training job \\d+: SUCCEEDED").contains("\"chosenK\"");
        assertThat(activeModels()).isOne();
        try (Connection connection = DriverManager.getConnection(URL, "sa", ""); Statement statement = connection.createStatement();
             ResultSet lease = statement.executeQuery("SELECT holder FROM segmentation.training_lease")) {
            assertThat(lease.next()).isTrue();
            assertThat(lease.getString(1)).as("released when the run ended").isNull();
        }
    }

    private static int activeModels() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, "sa", ""); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM segmentation.segmentation_model WHERE status = 'ACTIVE'")) {
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
