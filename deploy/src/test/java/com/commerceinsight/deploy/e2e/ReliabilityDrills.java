package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reliability drills: each breaks one part of the running local system under a steady order load, mends it, and
 * judges what the drill left behind ({@link DrillChecks}). The CI test ({@code ReliabilityDrillsIT}) runs them short;
 * {@code deploy/bench/drills.sh} runs them at full length ({@link Plan}). Every wait is bounded in time.
 */
final class ReliabilityDrills {

    /**
     * How long and how hard: {@code ordersPerSecond} for {@code leadSeconds} before the fault and {@code tailSeconds}
     * after it is mended; the database and the broker stay away {@code outageSeconds}, network faults last
     * {@code networkFaultSeconds}; a rolling restart goes through {@code rollingServices}.
     */
    record Plan(int ordersPerSecond, int leadSeconds, int tailSeconds, int outageSeconds, int networkFaultSeconds,
                List<String> rollingServices) {

        static Plan fromSystemProperties() {
            return new Plan(Integer.getInteger("drill.orders-per-second", 50), Integer.getInteger("drill.lead-seconds", 8),
                    Integer.getInteger("drill.tail-seconds", 12), Integer.getInteger("drill.outage-seconds", 10),
                    Integer.getInteger("drill.network-fault-seconds", 8),
                    List.of(System.getProperty("drill.rolling-services", "analytics-service").split(",")));
        }
    }

    /** One row of the drills' table, and what went wrong (empty when the drill passed). */
    record Result(String drill, String load, int accepted, int lost, long doubled, int badServerErrors, int retryable503,
                  double recoverySeconds, List<String> problems) {

        String tableRow() {
            return String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %d (503 with Retry-After: %d) | %s |", drill, load, accepted,
                    lost, doubled, badServerErrors, retryable503, recoverySeconds < 0 ? "not recovered" : String.format(Locale.ROOT, "%.1f s", recoverySeconds));
        }
    }

    /** Breaks something and mends it; returns once mended (recovery is timed from then). */
    interface Fault {
        void breakAndMend() throws Exception;
    }

    static final String TABLE_HEADER = "| drill | load | orders accepted | lost | doubled | 5xx other than 503 + Retry-After | time to recover |\n"
            + "| --- | --- | --- | --- | --- | --- | --- |";

    private final LocalSystem system;
    private final Plan plan;
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final List<Result> results = new ArrayList<>();

    ReliabilityDrills(LocalSystem system, Plan plan) {
        this.system = system;
        this.plan = plan;
    }

    /**
     * The database unreachable for the outage, its process running: the link refuses connections and drops the open
     * ones, as a dead server's port would. Everything of an outage but the database's own durability.
     */
    Result databaseUnreachable() throws Exception {
        return drill("database unreachable " + plan.outageSeconds() + " s (connections refused and dropped)", () -> {
            system.databaseLink().serverDown();
            try {
                Thread.sleep(plan.outageSeconds() * 1000L);
            } finally {
                system.databaseLink().serverUp();
            }
        });
    }

    /** The database server stopped (SIGTERM) for the outage and started again. */
    Result databaseStopped() throws Exception {
        return drill("database server stopped (SIGTERM) " + plan.outageSeconds() + " s", () -> {
            system.stopDatabase();
            try {
                Thread.sleep(plan.outageSeconds() * 1000L);
            } finally {
                system.startDatabase();
            }
        });
    }

    /** The database server killed (SIGKILL) for the outage and started again. */
    Result databaseKilled() throws Exception {
        return drill("database server killed (SIGKILL) " + plan.outageSeconds() + " s", () -> {
            system.killDatabase();
            try {
                Thread.sleep(plan.outageSeconds() * 1000L);
            } finally {
                system.startDatabase();
            }
        });
    }

    Result serviceKilled(String service) throws Exception {
        return drill(service + " killed (SIGKILL) and restarted", () -> {
            system.killInstance(service);
            system.restartInstance(service);
        });
    }

    Result brokerKilled() throws Exception {
        return drill("broker killed (SIGKILL) " + plan.outageSeconds() + " s", () -> {
            system.killBroker();
            try {
                Thread.sleep(plan.outageSeconds() * 1000L);
            } finally {
                system.startBroker();
            }
        });
    }

    /**
     * Two instances of every service under the load (sent to both analytics instances), then a rolling restart: each
     * service of the plan stopped gracefully (SIGTERM) and started again, one at a time, then the second instances
     * stopped gracefully (a scale-in). No accepted order may be lost on the way.
     */
    Result twoInstancesRollingRestart() throws Exception {
        system.startSecondInstances();
        try {
            return drill("two instances of every service; rolling restart of " + String.join(", ", plan.rollingServices())
                    + ", then scale-in", () -> {
                for (String service : plan.rollingServices()) {
                    system.stopInstance(service);
                    system.restartInstance(service);
                }
                system.stopSecondInstances();
            });
        } finally {
            system.stopSecondInstances();
        }
    }

    /**
     * Every ML service retrains and activates a new model under the load, as the nightly schedules do. What the consumers
     * applied while a model trained must survive its activation: segmentation's activation once rewrote every customer
     * from the training snapshot, losing those events (found when the nightly retrain ran during a drill).
     */
    Result modelsRetrained() throws Exception {
        return drill("every ML model retrained and activated (segmentation, prediction, recommender)", () -> {
            List<String> jobs = new ModelRetraining(system).retrainEverything(Duration.ofMinutes(4));
            System.out.println("DRILL retrained: " + jobs);
        });
    }

    Result networkLatency(Duration latency) throws Exception {
        return drill("network: " + latency.toMillis() + " ms latency to the database and the broker for " + plan.networkFaultSeconds() + " s",
                () -> networkFault(link -> link.addLatency(latency)));
    }

    Result networkResets() throws Exception {
        return drill("network: every connection to the database and the broker reset", () -> {
            system.databaseLink().resetConnections();
            system.brokerLink().resetConnections();
        });
    }

    Result networkBlackHole() throws Exception {
        return drill("network: database and broker behind a black hole for " + plan.networkFaultSeconds() + " s",
                () -> networkFault(FaultyLink::blackHole));
    }

    private interface LinkFault {
        void apply(FaultyLink link);
    }

    private void networkFault(LinkFault fault) throws InterruptedException {
        try {
            fault.apply(system.databaseLink());
            fault.apply(system.brokerLink());
            Thread.sleep(plan.networkFaultSeconds() * 1000L);
        } finally {
            system.databaseLink().heal();
            system.brokerLink().heal();
        }
    }

    /**
     * Runs the load with the fault in its middle: {@code leadSeconds} of load, the fault (as long as it takes), then
     * {@code tailSeconds} more. Recovery is the time from the fault's end until an order is answered 201 again and
     * every consumer has processed every order accepted before the end.
     */
    private Result drill(String name, Fault fault) throws Exception {
        String shopSource = "drill-" + results.size() + "-" + run;
        ShopFixture shop = system.createShop(shopSource, 40, 30);
        DrillChecks checks = new DrillChecks(system, shopSource, shop);
        List<String> problems = new ArrayList<>();
        // The load may run for the lead, a generous allowance for the fault and the tail; it stops after the tail.
        Duration scheduled = Duration.ofSeconds(plan.leadSeconds() + plan.tailSeconds() + 240L);
        double recoverySeconds;
        DrillLoad load = new DrillLoad(system, shopSource, shop, this::analyticsInstances, scheduled);
        try {
            load.start(plan.ordersPerSecond(), scheduled);
            Thread.sleep(plan.leadSeconds() * 1000L);
            fault.breakAndMend();
            long mended = System.nanoTime();
            int acceptedBeforeMended = load.acceptedCount();
            long consumed = checks.awaitConsumed(acceptedBeforeMended, Duration.ofSeconds(120));
            long firstAccepted = awaitFirstAccepted(load, mended, Duration.ofSeconds(60));
            recoverySeconds = consumed < 0 || firstAccepted < 0 ? -1 : (Math.max(consumed, firstAccepted) - mended) / 1e9;
            if (recoverySeconds < 0) {
                problems.add("not recovered within 2 minutes of the fault's end");
            }
            long remaining = plan.tailSeconds() * 1_000_000_000L - (System.nanoTime() - mended);
            if (remaining > 0) {
                Thread.sleep(remaining / 1_000_000);
            }
            load.awaitSettled();
        } finally {
            load.close();
        }
        DrillChecks.OrderCount orders = checks.orders(load);
        if (checks.awaitConsumed(orders.ordersInTables(), Duration.ofSeconds(120)) < 0) {
            problems.add("consumers did not catch up: " + checks.processedOrderEvents() + " of " + orders.ordersInTables());
        }
        checks.processedOrderEvents().forEach((schema, processed) -> {
            if (processed != orders.ordersInTables()) {
                problems.add(schema + " processed " + processed + " order events of " + orders.ordersInTables() + " orders");
            }
        });
        if (orders.lost() > 0) {
            problems.add(orders.lost() + " orders answered 201 are not in commerce.orders");
        }
        if (orders.doubled() != 0) {
            problems.add(orders.doubled() + " more orders in commerce.orders than idempotency keys that wrote one");
        }
        problems.addAll(checks.consumerStateDifferences());
        checks.summariesDifferingFromRebuild().forEach(table -> problems.add("live summary rows differ from a rebuild: " + table));
        List<String> badErrors = load.badServerErrors();
        badErrors.stream().limit(5).forEach(error -> problems.add("5xx: " + error));
        load.refusals().stream().limit(5).forEach(refusal -> problems.add("refused: " + refusal));
        Result result = new Result(name, plan.ordersPerSecond() + " orders/s, " + load.sent() + " sent",
                load.acceptedCount(), orders.lost(), orders.doubled(), badErrors.size(), load.retryable503(), recoverySeconds, problems);
        results.add(result);
        System.out.println("DRILL " + result.tableRow() + (problems.isEmpty() ? "" : " PROBLEMS " + problems));
        return result;
    }

    private static long awaitFirstAccepted(DrillLoad load, long since, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long first;
        while ((first = load.firstAcceptedAtOrAfter(since)) < 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return first;
    }

    private List<URI> analyticsInstances() {
        return system.instancesOf("analytics-service").stream().map(instance -> system.uri(instance, "")).toList();
    }

    List<Result> results() {
        return List.copyOf(results);
    }

    /** Writes the table of the drills run so far (Markdown) to {@code file}. */
    void writeTable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder table = new StringBuilder(TABLE_HEADER).append('\n');
        results.forEach(result -> table.append(result.tableRow()).append('\n'));
        Files.writeString(file, table);
    }
}
