package com.commerceinsight.recommender.cli;

import com.commerceinsight.apikit.testing.TrainCommandContract;

import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * api-kit's TrainCommandContract on recommender-service. (A successful run is segmentation-service's TrainCommandTest; here
 * training itself is covered by the service's training tests.)
 */
@QuarkusMainTest
@TestProfile(TrainCommandContract.OwnDatabaseFile.class)
class TrainCommandTest extends TrainCommandContract {

    @Override
    protected String schema() {
        return "recommender";
    }

    @Override
    protected String jobIdPattern() {
        return "\\S+";
    }

    @Override
    protected String trainedModelsQuery() {
        return "SELECT COUNT(*) FROM recommender.model_version";
    }
}
