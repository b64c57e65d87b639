package com.commerceinsight.analytics.projection;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A database of its own and no projector thread: the tests run the projector's rounds themselves, when they choose. */
public class ProjectorByHandProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.jdbc.url", "jdbc:h2:mem:projection;MODE=MSSQLServer;DB_CLOSE_DELAY=-1",
                "analytics.projection.enabled", "false");
    }
}
