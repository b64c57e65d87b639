package com.commerceinsight.prediction.models;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

import com.commerceinsight.apikit.testing.OneActiveModelContract;

import io.quarkus.test.junit.QuarkusTest;

/** At most one active model in prediction.model_version (api-kit's OneActiveModelContract). */
@QuarkusTest
class OneActiveModelTest extends OneActiveModelContract {

    @Override
    protected String modelTable() {
        return "prediction.model_version";
    }

    @Override
    protected String active() {
        return "active = TRUE";
    }

    @Override
    protected String retired() {
        return "active = FALSE";
    }

    @Override
    protected long insertRetiredModel(Connection connection) throws SQLException {
        return insertRetiredVersion(connection, new byte[] {1});
    }

    /** A retired RANDOM_FOREST version with this booster and empty JSON columns; its id. */
    static long insertRetiredVersion(Connection connection, byte[] booster) throws SQLException {
        LocalDateTime now = LocalDateTime.of(2025, 1, 1, 0, 0);
        return insertReturningId(connection, "INSERT INTO prediction.model_version (algorithm, parameters, features, preprocessing,"
                + " threshold, train_cutoff, test_cutoff, horizon_days, evaluation, model, active, created_at)"
                + " VALUES ('RANDOM_FOREST', '{}', '[]', '{}', 0.5, ?, ?, 90, '{}', ?, FALSE, ?)",
                now.minusDays(90), now, booster, now);
    }
}
