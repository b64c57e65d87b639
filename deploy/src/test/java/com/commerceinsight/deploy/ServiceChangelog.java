package com.commerceinsight.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where a service keeps its Liquibase changelog and under which table names it records it, read from its configuration. */
record ServiceChangelog(String service, Path resources, String changelog, String changelogTable, String lockTable) {

    static ServiceChangelog of(ServiceContract service) throws IOException {
        Path resources = DeployFolder.resolve("../" + service.name() + "/src/main/resources");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(resources.resolve("application.properties"))) {
            properties.load(reader);
        }
        return new ServiceChangelog(service.name(), resources,
                required(properties, "quarkus.liquibase.change-log", service),
                required(properties, "quarkus.liquibase.database-change-log-table-name", service),
                required(properties, "quarkus.liquibase.database-change-log-lock-table-name", service));
    }

    private static String required(Properties properties, String key, ServiceContract service) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(service.name() + " does not set " + key);
        }
        return value.trim();
    }
}
