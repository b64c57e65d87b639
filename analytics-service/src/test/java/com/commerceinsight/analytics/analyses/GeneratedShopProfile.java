package com.commerceinsight.analytics.analyses;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A database of its own holding only a generated shop, so reference computations over all rows see exactly what the analyses see. */
public class GeneratedShopProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:analyses-generated;MODE=MSSQLServer;DB_CLOSE_DELAY=-1");
    }
}
