package com.commerceinsight.prediction.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.commerceinsight.prediction.features.CommerceHistoryReader;
import com.commerceinsight.prediction.features.CustomerHistory;

/**
 * A generated shop for tests, made once per build by the packaged analytics-service (the reactor builds it first):
 * an H2 file database under target/ with the commerce schema and data, and the generator's ground truth beside it.
 */
public final class GeneratedShop {

    public static final long ORDERS = 30_000;
    public static final long SEED = 7;
    private static final Path DIRECTORY = Path.of("target", "generated-shop").toAbsolutePath();
    private static final Path ANALYTICS_JAR = Path.of("..", "analytics-service", "target", "quarkus-app", "quarkus-run.jar");

    private GeneratedShop() {
    }

    /** The async file system: an interrupted thread does not close the database file under everyone else. */
    public static String jdbcUrl() {
        return "jdbc:h2:async:" + DIRECTORY.resolve("shop") + ";MODE=MSSQLServer";
    }

    public static Path groundTruth() {
        return DIRECTORY.resolve("ground-truth.csv");
    }

    /** Generates the shop unless an earlier test of this build did. */
    public static synchronized void ensureGenerated() throws IOException, InterruptedException {
        Path done = DIRECTORY.resolve("generated");
        if (Files.exists(done)) {
            return;
        }
        if (!Files.exists(ANALYTICS_JAR)) {
            throw new IllegalStateException("build analytics-service first (mvn -pl analytics-service -DskipTests package): "
                    + ANALYTICS_JAR.toAbsolutePath() + " is missing");
        }
        Files.createDirectories(DIRECTORY);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ANALYTICS_JAR.toAbsolutePath().toString(), "generate", "--orders", Long.toString(ORDERS), "--seed", Long.toString(SEED),
                // The tests' cutoffs and horizons are dates of 2023-2024: the shop's two years end on 2025-01-01.
                "--until", "2025-01-01", "--ground-truth", groundTruth().toString())
                .redirectErrorStream(true).redirectOutput(DIRECTORY.resolve("generate.log").toFile());
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("generating the shop failed; see " + DIRECTORY.resolve("generate.log"));
        }
        Files.writeString(done, "");
    }

    public static Map<Long, CustomerHistory> histories() throws IOException, InterruptedException, SQLException {
        ensureGenerated();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), "sa", "")) {
            return new CommerceHistoryReader(connection).readAll();
        }
    }
}
