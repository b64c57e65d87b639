package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reliability drills, shortened for CI (a 50 orders/s load, 8 s before each fault, 12 s after it is mended, the
 * database and the broker away 10 s; one shared system, each drill on customers of its own): each breaks one part of
 * the running system under the load and holds the system to what it promises. Every order answered 201 is in the commerce tables exactly once and processed once by each
 * consumer, whose state equals the commerce tables; the dashboards' live rows equal a rebuild; no 5xx but a 503 with
 * {@code Retry-After}. Recovery times are printed and written to {@code target/drills/drills.md}, not asserted.
 * Full length: {@code deploy/bench/drills.sh}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityDrillsIT {

    private static LocalSystem system;
    private static ReliabilityDrills drills;

    @BeforeAll
    static void startSystem() throws Exception {
        system = LocalSystem.get();
        system.awaitActiveModels(Duration.ofMinutes(10));
        drills = new ReliabilityDrills(system, ReliabilityDrills.Plan.fromSystemProperties());
    }

    @AfterAll
    static void writeTable() throws Exception {
        if (drills == null) {
            return; // the system did not start; the failure says why
        }
        drills.writeTable(Path.of(System.getProperty("e2e.work.dir", "target/e2e")).resolveSibling("drills").resolve("drills.md"));
    }

    @Test
    @Order(1)
    void databaseUnreachable() throws Exception {
        assumeTrue(system.hasFaultLinks(), "needs -De2e.fault-links=true");
        assertThat(drills.databaseUnreachable().problems()).isEmpty();
    }

    @Test
    @Order(2)
    void databaseServerStoppedAndRestarted() throws Exception {
        assertThat(drills.databaseStopped().problems()).isEmpty();
    }

    @Test
    @Order(3)
    void databaseServerKilledAndRestarted() throws Exception {
        assertThat(drills.databaseKilled().problems()).isEmpty();
    }

    @Test
    @Order(4)
    void analyticsServiceKilledAndRestarted() throws Exception {
        assertThat(drills.serviceKilled("analytics-service").problems()).isEmpty();
    }

    @Test
    @Order(5)
    void predictionServiceKilledMidBatchAndRestarted() throws Exception {
        assertThat(drills.serviceKilled("prediction-service").problems()).isEmpty();
    }

    @Test
    @Order(6)
    void segmentationServiceKilledMidBatchAndRestarted() throws Exception {
        assertThat(drills.serviceKilled("segmentation-service").problems()).isEmpty();
    }

    @Test
    @Order(7)
    void recommenderServiceKilledMidBatchAndRestarted() throws Exception {
        assertThat(drills.serviceKilled("recommender-service").problems()).isEmpty();
    }

    @Test
    @Order(8)
    void brokerKilledMidStreamAndRestarted() throws Exception {
        assertThat(drills.brokerKilled().problems()).isEmpty();
    }

    @Test
    @Order(9)
    void twoInstancesOfEveryServiceThroughARollingRestart() throws Exception {
        assertThat(drills.twoInstancesRollingRestart().problems()).isEmpty();
    }

    @Test
    @Order(10)
    void everyModelRetrainedUnderTheLoad() throws Exception {
        assertThat(drills.modelsRetrained().problems()).isEmpty();
    }

    @Test
    @Order(11)
    void latencyToTheDatabaseAndTheBroker() throws Exception {
        assumeTrue(system.hasFaultLinks(), "needs -De2e.fault-links=true");
        assertThat(drills.networkLatency(Duration.ofMillis(200)).problems()).isEmpty();
    }

    @Test
    @Order(12)
    void connectionsToTheDatabaseAndTheBrokerReset() throws Exception {
        assumeTrue(system.hasFaultLinks(), "needs -De2e.fault-links=true");
        assertThat(drills.networkResets().problems()).isEmpty();
    }

    @Test
    @Order(13)
    void databaseAndBrokerBehindABlackHole() throws Exception {
        assumeTrue(system.hasFaultLinks(), "needs -De2e.fault-links=true");
        assertThat(drills.networkBlackHole().problems()).isEmpty();
    }
}
