package com.commerceinsight.segmentation.models;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;

import com.commerceinsight.apikit.testing.OneActiveModelContract;

import io.quarkus.test.junit.QuarkusTest;

/** At most one active model in segmentation.segmentation_model (api-kit's OneActiveModelContract). */
@QuarkusTest
class OneActiveModelTest extends OneActiveModelContract {

    @Override
    protected String modelTable() {
        return "segmentation.segmentation_model";
    }

    @Override
    protected String active() {
        return "status = 'ACTIVE'";
    }

    @Override
    protected String retired() {
        return "status = 'RETIRED'";
    }

    @Override
    protected long insertRetiredModel(Connection connection) throws SQLException {
        LocalDateTime now = LocalDateTime.of(2025, 1, 1, 0, 0);
        return insertReturningId(connection, "INSERT INTO segmentation.segmentation_model (status, trained_at, snapshot_at, k,"
                + " customers, silhouette, next_segment_id, definition, report)"
                + " VALUES ('RETIRED', ?, ?, 2, 10, 0.5, 3, '{}', '{}')", now, now);
    }
}
