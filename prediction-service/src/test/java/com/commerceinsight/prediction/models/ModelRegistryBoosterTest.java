package com.commerceinsight.prediction.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

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
        try (Connection connection = dataSource.getConnection()) {
            return OneActiveModelTest.insertRetiredVersion(connection, booster);
        }
    }
}
