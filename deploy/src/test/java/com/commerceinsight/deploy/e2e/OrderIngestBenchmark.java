package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmark of the order event path, run by deploy/bench/order-events.sh against the whole local system: (1) how
 * many orders per second analytics-service accepts from concurrent clients (requests in flight, {@link OrderLoad}); (2) at a fixed rate, the freshness of
 * each consumer: the time from an order's event (its occurredAt) to the consumer having applied it
 * (processed_event.processed_at), as p50 / p95 / p99. Prints figures; asserts nothing.
 */
public final class OrderIngestBenchmark {

    private OrderIngestBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkRun.exitWith(OrderIngestBenchmark::run, args);
    }

    private static void run(String[] args) throws Exception {
        int burstOrders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int ratePerSecond = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int rateSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        // Bursts back to back: the first still pays for the JIT compiling the services' and the database's code (a
        // compiler thread took as much CPU as the database's sessions then); a later one shows the steady state.
        int bursts = args.length > 4 ? Integer.parseInt(args[4]) : 2;

        LocalSystem system = LocalSystem.get();
        ShopFixture shop = system.createShop("bench", 2_000, 500);
        OrderLoad load = new OrderLoad(system, Math.max(clients, 64));
        load.postAll(0, 2_000, clients, n -> order(shop, n)); // warm-up: JIT, connection pools, topic metadata

        try (Connection db = system.openDatabase()) {
            awaitConsumed(db);
            boolean statementStatistics = Boolean.getBoolean("bench.statement-statistics");
            int next = 2_000;
            List<Double> steadyRates = new ArrayList<>();
            List<Double> steadyCpu = new ArrayList<>();
            for (int burst = 1; burst <= bursts; burst++) {
                if (statementStatistics && (burst == 2 || bursts == 1)) {
                    startStatementStatistics(db); // the steady state: after the first burst, if there are several
                }
                Map<String, Duration> cpuBefore = cpuTimes(system);
                String loadBefore = loadAverage();
                long started = System.nanoTime();
                load.postAll(next, next + burstOrders, clients, n -> order(shop, n));
                next += burstOrders;
                double seconds = (System.nanoTime() - started) / 1e9;
                System.out.printf(Locale.ROOT, "burst %d of %d accepted: %,d orders in %.1f s from %d clients = %,.0f orders/s"
                        + " (load average %s before, %s after)%n", burst, bursts, burstOrders, seconds, clients, burstOrders / seconds,
                        loadBefore, loadAverage());
                awaitConsumed(db);
                double cpu = printCpuPerOrder(cpuBefore, cpuTimes(system), burstOrders);
                if (burst > 1) {
                    steadyRates.add(burstOrders / seconds);
                    steadyCpu.add(cpu);
                }
            }
            if (steadyRates.size() > 1) {
                // One run's bursts after the first, as a median: single bursts of one command vary by up to about 20 %.
                System.out.printf(Locale.ROOT, "steady state, bursts 2-%d: median %,.0f orders/s (%,.0f-%,.0f),"
                        + " median %.2f ms CPU per order (%.2f-%.2f)%n", bursts, median(steadyRates), Collections.min(steadyRates),
                        Collections.max(steadyRates), median(steadyCpu), Collections.min(steadyCpu), Collections.max(steadyCpu));
            }
            if (statementStatistics) {
                printStatementStatistics(db, burstOrders * Math.max(1, bursts - 1));
            }

            String since = latestOccurredAt(db);
            load.postAtRate(1_000_000, ratePerSecond, rateSeconds, n -> order(shop, n));
            awaitConsumed(db);
            System.out.printf(Locale.ROOT, "freshness at %d orders/s for %d s (event time to activity updated):%n", ratePerSecond, rateSeconds);
            for (String schema : ActivityTables.CONSUMER_SCHEMAS) {
                List<Long> millis = freshness(db, schema, since);
                System.out.printf(Locale.ROOT, "  %-13s n=%,d  p50 %d ms  p95 %d ms  p99 %d ms  max %d ms%n", schema, millis.size(),
                        percentile(millis, 50), percentile(millis, 95), percentile(millis, 99), millis.get(millis.size() - 1));
            }
        }
    }

    /** CPU time per process: the system's and this load generator's. */
    private static Map<String, Duration> cpuTimes(LocalSystem system) {
        Map<String, Duration> times = new LinkedHashMap<>(system.cpuTimes());
        times.put("load generator", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return times;
    }

    /**
     * CPU milliseconds each process spent per order, from the burst's start until every consumer had applied it: a
     * figure that, unlike orders/s, does not depend on what else the machine was running.
     */
    private static double printCpuPerOrder(Map<String, Duration> before, Map<String, Duration> after, int orders) {
        StringBuilder line = new StringBuilder("CPU per order (burst until consumed), ms:");
        double total = 0;
        for (Map.Entry<String, Duration> process : after.entrySet()) {
            double millis = (process.getValue().toNanos() - before.get(process.getKey()).toNanos()) / 1e6 / orders;
            total += millis;
            line.append(String.format(Locale.ROOT, " %s %.2f,", process.getKey(), millis));
        }
        System.out.println(line.append(String.format(Locale.ROOT, " total %.2f", total)));
        return total;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** H2's per-statement counters (count and time inside the database), cleared now; see -Dbench.statement-statistics. */
    private static void startStatementStatistics(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
            s.execute("SET QUERY_STATISTICS FALSE");
            s.execute("SET QUERY_STATISTICS TRUE");
        }
    }

    /** The statements that took the database's time in the steady state, most first: what a cut in CPU must aim at. */
    private static void printStatementStatistics(Connection db, int orders) throws Exception {
        System.out.println("database time by statement during the bursts after the first (ms per order, runs per order, statement):");
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT TOP 30 EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME, SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                        + "ORDER BY CUMULATIVE_EXECUTION_TIME DESC")) {
            while (rs.next()) {
                String sql = rs.getString(3).replaceAll("\\s+", " ");
                System.out.printf(Locale.ROOT, "  %6.3f  %5.2f  %s%n", rs.getDouble(2) / orders, rs.getDouble(1) / orders,
                        sql.substring(0, Math.min(200, sql.length())));
            }
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "n/a";
        }
    }

    static String order(ShopFixture shop, int n) {
        SplittableRandom random = new SplittableRandom(n);
        long customer = shop.customerIds().get(random.nextInt(shop.customerIds().size()));
        long product = shop.productIds().get(random.nextInt(shop.productIds().size()));
        return "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + product + ",\"quantity\":" + (1 + random.nextInt(3))
                + "}],\"payment\":{\"method\":\"credit_card\",\"status\":\"succeeded\"}}";
    }

    static void awaitConsumed(Connection db) throws Exception {
        while (true) {
            long outbox = ActivityTables.count(db, "SELECT COUNT(*) FROM commerce.outbox_event");
            boolean all = true;
            for (String schema : ActivityTables.CONSUMER_SCHEMAS) {
                // Only outbox events reach the topic in a benchmark run, so counting is enough.
                all &= ActivityTables.count(db, "SELECT COUNT(*) FROM " + schema + ".processed_event") >= outbox;
            }
            if (all) {
                return;
            }
            Thread.sleep(500);
        }
    }

    static String latestOccurredAt(Connection db) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(occurred_at) FROM commerce.outbox_event")) {
            rs.next();
            return rs.getTimestamp(1).toString();
        }
    }

    static List<Long> freshness(Connection db, String schema, String since) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DATEDIFF('MILLISECOND', p.occurred_at, p.processed_at) FROM " + schema + ".processed_event p "
                        + "JOIN commerce.outbox_event o ON o.event_id = p.event_id WHERE o.occurred_at > TIMESTAMP '" + since + "'")) {
            while (rs.next()) {
                millis.add(rs.getLong(1));
            }
        }
        millis.sort(null);
        return millis;
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
