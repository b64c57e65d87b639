package com.commerceinsight.prediction.cli;

import com.commerceinsight.apikit.testing.TrainCommandContract;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * api-kit's TrainCommandContract on prediction-service. (A successful run is segmentation-service's TrainCommandTest; here
 * training itself is covered by the service's training tests.)
 */
@QuarkusMainTest
@TestProfile(TrainCommandContract.OwnDatabaseFile.class)
class TrainCommandTest extends TrainCommandContract {

    @Override
    protected String schema() {
        return "prediction";
    }

    @Override
    protected String jobIdPattern() {
        return "\\S+";
    }

    @Override
    protected String trainedModelsQuery() {
        return "SELECT COUNT(*) FROM prediction.model_version";
    }
}
