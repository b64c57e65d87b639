package com.commerceinsight.analytics.analyses;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A database of its own holding only the hand-checked tiny shop of {@link TinyShop}. */
public class TinyShopProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:analyses-tiny;MODE=MSSQLServer;DB_CLOSE_DELAY=-1");
    }
}
