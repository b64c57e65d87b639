package com.commerceinsight.prediction.training;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service on a generated shop's database (commerce schema and data), scoring as of the shop's window end. */
public class GeneratedShopProfile implements QuarkusTestProfile {

    public static final String AS_OF = "2025-01-01T00:00:00";

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            GeneratedShop.ensureGenerated();
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate the test shop", e);
        }
        // opening the shop's file on a busy machine can take longer than the default five seconds
        return Map.of("quarkus.datasource.jdbc.url", GeneratedShop.jdbcUrl(), "prediction.serving.as-of", AS_OF,
                "quarkus.datasource.jdbc.acquisition-timeout", "60s");
    }
}
