package com.commerceinsight.segmentation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import com.commerceinsight.apikit.testing.TrainCommandContract;
import com.commerceinsight.segmentation.training.PlantedShop;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * api-kit's TrainCommandContract on segmentation-service, which then trains once it may: on the planted shop the run
 * succeeds, activates its model and releases the lease.
 */
@QuarkusMainTest
@TestProfile(TrainCommandContract.OwnDatabaseFile.class)
class TrainCommandTest extends TrainCommandContract {

    private static final String ACTIVE_MODELS = "SELECT COUNT(*) FROM segmentation.segmentation_model WHERE status = 'ACTIVE'";

    @Override
    protected String schema() {
        return "segmentation";
    }

    @Override
    protected String jobIdPattern() {
        return "\\d+";
    }

    @Override
    protected String trainedModelsQuery() {
        return ACTIVE_MODELS;
    }

    @Override
    protected void prepareCommerce(Connection connection) throws Exception {
        PlantedShop.plant(connection);
    }

    @Override
    protected void afterTheSkippedRun(QuarkusMainLauncher launcher) throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE segmentation.training_lease SET holder = NULL, expires_at = CURRENT_TIMESTAMP");
        }
        LaunchResult trained = launcher.launch("train", "--snapshot-at", PlantedShop.SNAPSHOT.toString());
        assertThat(trained.exitCode()).as(trained.getOutput()).isZero();
        assertThat(trained.getOutput()).containsPattern("training job \\d+: SUCCEEDED").contains("\"chosenK\"");
        assertThat(count(ACTIVE_MODELS)).isOne();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet lease = statement.executeQuery("SELECT holder FROM segmentation.training_lease")) {
            assertThat(lease.next()).isTrue();
            assertThat(lease.getString(1)).as("released when the run ended").isNull();
        }
    }
}
