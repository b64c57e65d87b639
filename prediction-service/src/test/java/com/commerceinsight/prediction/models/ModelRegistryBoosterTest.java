package com.commerceinsight.prediction.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;

import jakarta.inject.Inject;
import jakarta.persistence.Persistence;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Listing or showing a version leaves its booster in the database; serving reads the booster by the version's id. */
@QuarkusTest
class ModelRegistryBoosterTest {

    @Inject
    ModelRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aVersionIsReadWithoutItsBoosterAndTheBoosterByItself() throws Exception {
        byte[] booster = new byte[256 * 1024];
        for (int i = 0; i < booster.length; i++) {
            booster[i] = (byte) (i * 31);
        }
        long id = insertRetiredVersion(booster);

        ModelVersion version = registry.find(id).orElseThrow();

        assertThat(version.algorithm).isEqualTo("RANDOM_FOREST");
        assertThat(Persistence.getPersistenceUtil().isLoaded(version, "model")).as("the booster is not read with the version").isFalse();
        assertThat(registry.page(0, 1000)).filteredOn(listed -> listed.id == id).singleElement()
                .satisfies(listed -> assertThat(Persistence.getPersistenceUtil().isLoaded(listed, "model")).isFalse());
        assertThat(registry.booster(id)).isEqualTo(booster);
    }

    private long insertRetiredVersion(byte[] booster) throws Exception {
        LocalDateTime now = LocalDateTime.of(2025, 1, 1, 0, 0);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO prediction.model_version (algorithm, parameters,"
                        + " features, preprocessing, threshold, train_cutoff, test_cutoff, horizon_days, evaluation, model, active,"
                        + " created_at) VALUES ('RANDOM_FOREST', '{}', '[]', '{}', 0.5, ?, ?, 90, '{}', ?, FALSE, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            insert.setObject(1, now.minusDays(90));
            insert.setObject(2, now);
            insert.setBytes(3, booster);
            insert.setObject(4, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
