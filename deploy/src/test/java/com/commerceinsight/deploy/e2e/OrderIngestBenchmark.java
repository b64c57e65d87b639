package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Benchmark of the order event path, run by deploy/bench/order-events.sh against the whole local system as a user
 * runs it: the generated sample shop (20,000 orders by default), and all three ML services serving with the models
 * they trained on it, so every order costs its rescoring, segment reassignment and fold-in. Prints:
 * <ol>
 * <li>how many orders per second analytics-service accepts from concurrent clients (requests in flight, {@link OrderLoad})
 * in bursts, and the CPU per order of every process from a burst's start until the system is idle again;</li>
 * <li>at a fixed rate, freshness from an order's event time (its occurredAt) to (a) the score and segment-change
 * events that name it as their cause and the recommender's stored fold-in, and (b) the moment the answers served on
 * the gateway reflect it ({@link ServedFreshness}), as p50 / p95 / p99.</li>
 * </ol>
 * Prints figures; asserts nothing.
 */
public final class OrderIngestBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCORES = "prediction.repurchase-scores.v1";
    private static final String SEGMENT_CHANGES = "segmentation.segment-changes.v1";

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
        double samplesPerSecond = Double.parseDouble(System.getProperty("bench.samples-per-second", "4"));
        long pollMillis = Long.getLong("bench.poll-millis", 20);

        long started = System.nanoTime();
        LocalSystem system = LocalSystem.get();
        if (!system.hasSampleShop()) {
            throw new IllegalStateException("the benchmark needs the sample shop: -De2e.sample-orders=N (order-events.sh sets it)");
        }
        GeneratedShop shop;
        try (Connection db = system.openDatabase()) {
            shop = GeneratedShop.read(db);
        }
        System.out.printf(Locale.ROOT, "system started on a generated shop (%,d customers with orders, %,d products) in %.0f s%n",
                shop.customerIds().size(), shop.productIds().size(), (System.nanoTime() - started) / 1e9);
        Duration training = system.awaitActiveModels(Duration.ofMinutes(20));
        System.out.printf(Locale.ROOT, "all three models active %.0f s later%n", training.toNanos() / 1e9);

        // The sample customers of the freshness phase (for the served answers, and for the dashboards) order nothing
        // else; the load orders for all the others.
        int sampleCount = (int) Math.ceil(samplesPerSecond * rateSeconds) + 20;
        int customerCount = shop.customerIds().size();
        List<Long> sampleCandidates = shop.customers(customerCount - sampleCount, customerCount);
        List<Long> dashboardSamples = shop.customers(customerCount - 2 * sampleCount, customerCount - sampleCount);
        List<Long> loadCustomers = shop.customers(0, customerCount - 2 * sampleCount);
        OrderLoad load = new OrderLoad(system, Math.max(clients, 64));
        load.postAll(0, 2_000, clients, n -> order(loadCustomers, shop.productIds(), n)); // warm-up: JIT, pools, topic metadata

        try (Connection db = system.openDatabase()) {
            awaitConsumed(db);
            SystemIdle.await(system, 0, Duration.ofSeconds(60));
            double idleRate = SystemIdle.idleRate(system, Duration.ofSeconds(10));
            System.out.printf(Locale.ROOT, "the idle system uses %.0f ms of CPU per second (subtracted from the CPU per order)%n", idleRate);
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
                long burstStarted = System.nanoTime();
                load.postAll(next, next + burstOrders, clients, n -> order(loadCustomers, shop.productIds(), n));
                next += burstOrders;
                long accepted = System.nanoTime();
                double seconds = (accepted - burstStarted) / 1e9;
                System.out.printf(Locale.ROOT, "burst %d of %d accepted: %,d orders in %.1f s from %d clients = %,.0f orders/s"
                        + " (load average %s before, %s after)%n", burst, bursts, burstOrders, seconds, clients, burstOrders / seconds,
                        loadBefore, loadAverage());
                awaitConsumed(db);
                double catchUp = (System.nanoTime() - accepted) / 1e9;
                Duration idle = SystemIdle.await(system, idleRate, Duration.ofSeconds(60));
                System.out.printf(Locale.ROOT, "  every consumer had applied the burst %.1f s after the last order was accepted"
                        + " (consumers kept up: %.0f events/s); idle %.1f s later%n", catchUp, burstOrders / (seconds + catchUp),
                        idle.toNanos() / 1e9);
                double windowSeconds = (System.nanoTime() - burstStarted) / 1e9;
                double cpu = printCpuPerOrder(cpuBefore, cpuTimes(system), burstOrders, idleRate * windowSeconds);
                if (burst > 1) {
                    steadyRates.add(burstOrders / seconds);
                    steadyCpu.add(cpu);
                }
            }
            if (steadyRates.size() > 1) {
                // One run's bursts after the first, as a median: single bursts of one command vary by up to about 20 %.
                System.out.printf(Locale.ROOT, "steady state, bursts 2-%d: median %,.0f orders/s accepted (%,.0f-%,.0f),"
                        + " median %.2f ms CPU per order until idle, above the idle system (%.2f-%.2f)%n", bursts, median(steadyRates),
                        Collections.min(steadyRates), Collections.max(steadyRates), median(steadyCpu), Collections.min(steadyCpu),
                        Collections.max(steadyCpu));
            }
            if (statementStatistics) {
                printStatementStatistics(db, burstOrders * Math.max(1, bursts - 1));
            }
            measureFreshness(system, db, load, loadCustomers, shop.productIds(), sampleCandidates, dashboardSamples, ratePerSecond,
                    rateSeconds, samplesPerSecond, pollMillis);
        }
    }

    /** The fixed-rate phase: event-side, served and dashboard freshness, with sampled orders watched on the gateway. */
    private static void measureFreshness(LocalSystem system, Connection db, OrderLoad load, List<Long> loadCustomers,
            List<Long> products, List<Long> sampleCandidates, List<Long> dashboardSamples, int ratePerSecond, int rateSeconds,
            double samplesPerSecond, long pollMillis) throws Exception {
        ManagedProcess gateway = null;
        try {
            int port = LocalSystem.freePort();
            gateway = system.startGateway(port);
            ServedAnswers answers = ServedAnswers.waitingOutRateLimits(java.net.URI.create("http://127.0.0.1:" + port), system.tokens());
            try (ServedFreshness served = new ServedFreshness(answers, pollMillis, 30_000);
                 DashboardFreshness dashboards = new DashboardFreshness(answers, pollMillis, 30_000, dashboardSamples, products.get(0))) {
                int samples = served.prepare(sampleCandidates);
                int dashboardSampleCount = dashboards.prepare(db);
                LocalDateTime since = EventTimes.latest(db);
                served.start(samplesPerSecond);
                dashboards.start(samplesPerSecond);
                Map<String, Duration> cpuBefore = cpuTimes(system);
                cpuBefore.put(gateway.name(), gateway.cpuTime());
                long phaseStarted = System.nanoTime();
                load.postAtRate(1_000_000, ratePerSecond, rateSeconds, n -> order(loadCustomers, products, n));
                Map<String, Duration> cpuAfter = cpuTimes(system);
                cpuAfter.put(gateway.name(), gateway.cpuTime());
                double phaseSeconds = (System.nanoTime() - phaseStarted) / 1e9;
                List<ServedFreshness.Sample> watched = served.finish();
                List<Long> dashboardMillis = dashboards.finish();
                awaitConsumed(db);
                System.out.printf(Locale.ROOT, "freshness at %d orders/s for %d s, from an order's event time (%d of %d sample"
                        + " customers ordered through the gateway, answers polled every %d ms):%n", ratePerSecond, rateSeconds,
                        watched.size(), samples, pollMillis);
                // Orders are sent on schedule whatever the answers; a system that cannot keep up answers the last ones
                // late, and the samples, started until then, are more (and so are their polls).
                System.out.printf(Locale.ROOT, "  the phase's %,d orders were answered %.1f s after the first was sent (%.0f orders/s)%n",
                        ratePerSecond * rateSeconds, phaseSeconds, ratePerSecond * rateSeconds / phaseSeconds);
                printCoresUsed(cpuBefore, cpuAfter, phaseSeconds);
                Map<Long, EventTimes.Placed> placed = EventTimes.orderPlacedByCustomer(db, since);
                printEventSide(system, db, since, watched, placed);
                printServed(watched, placed, served.pollAnswerMillis());
                printDashboards(dashboardMillis, dashboardSampleCount, EventTimes.projectedAfter(db, since), dashboards.pollAnswerMillis());
                if (answers.rateLimitedPolls() > 0) {
                    System.out.printf(Locale.ROOT, "  polls refused by the rate limit (429) and asked again after Retry-After: %d"
                            + " (the answers they waited for are counted late by that wait)%n", answers.rateLimitedPolls());
                }
            }
        } finally {
            if (gateway != null) {
                gateway.stop();
            }
        }
    }

    /** (a) To the events the consumers publish about an order, and to the recommender's stored fold-in. */
    private static void printEventSide(LocalSystem system, Connection db, LocalDateTime since, List<ServedFreshness.Sample> watched,
            Map<Long, EventTimes.Placed> placed)
            throws Exception {
        Map<String, Instant> eventTimes = EventTimes.byEventId(db, since);
        TopicClient topics = new TopicClient(system.kafkaBootstrapServers());
        System.out.println("  (a) to the consumers' output:");
        System.out.printf(Locale.ROOT, "    %-34s %s%n", "score event (causedBy)", causedLatencies(topics, SCORES, "causedBy", eventTimes));
        System.out.printf(Locale.ROOT, "    %-34s %s%n", "segment-change event (causedBy)",
                causedLatencies(topics, SEGMENT_CHANGES, "causedByEventId", eventTimes));
        List<Long> foldIns = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT updated_at FROM recommender.customer_fold_in WHERE customer_id = ? "
                + "ORDER BY updated_at DESC")) {
            for (ServedFreshness.Sample sample : watched) {
                s.setLong(1, sample.customerId());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && placed.containsKey(sample.customerId())) {
                        Instant stored = EventTimes.utc(rs.getObject(1, LocalDateTime.class));
                        foldIns.add(Duration.between(placed.get(sample.customerId()).at(), stored).toMillis());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "    %-34s %s%n", "fold-in stored (sample customers)", new Latencies(foldIns));
        System.out.printf(Locale.ROOT, "    %-34s%n", "each consumer's claim of the event (processed_at, start of its batch):");
        for (String schema : ConsumerState.CONSUMER_SCHEMAS) {
            System.out.printf(Locale.ROOT, "      %-32s %s%n", schema, new Latencies(claimed(db, schema, since)));
        }
    }

    /** (b) To the answers served on the gateway: the goal (p99 within 250 ms at 200 orders/s) is for these. */
    private static void printServed(List<ServedFreshness.Sample> watched, Map<Long, EventTimes.Placed> placed,
            Map<String, List<Long>> answerMillis) {
        List<Long> score = new ArrayList<>();
        List<Long> segment = new ArrayList<>();
        List<Long> recommendations = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        int late = 0;
        for (ServedFreshness.Sample sample : watched) {
            long event = placed.get(sample.customerId()).at().toEpochMilli();
            addIfReflected(score, sample.scoreAt(), event);
            addIfReflected(segment, sample.segmentAt(), event);
            addIfReflected(recommendations, sample.recommendationsAt(), event);
            if (sample.scoreAt() < 0 || sample.segmentAt() < 0 || sample.recommendationsAt() < 0) {
                late++;
            } else {
                all.add(Math.max(sample.scoreAt(), Math.max(sample.segmentAt(), sample.recommendationsAt())) - event);
            }
        }
        System.out.println("  (b) to the answers served on the gateway (goal: p99 within 250 ms at 200 orders/s):");
        System.out.printf(Locale.ROOT, "    %-34s %s%n", "repurchase score", new Latencies(score));
        System.out.printf(Locale.ROOT, "    %-34s %s%n", "segment", new Latencies(segment));
        System.out.printf(Locale.ROOT, "    %-34s %s%n", "recommendations", new Latencies(recommendations));
        System.out.printf(Locale.ROOT, "    %-34s %s%n", "all three", new Latencies(all));
        if (late > 0) {
            System.out.printf(Locale.ROOT, "    %d sampled orders were not reflected by all three answers within 30 s%n", late);
        }
        answerMillis.forEach((answer, millis) -> System.out.printf(Locale.ROOT, "    %-34s %s%n",
                "the " + answer + " answer (each poll)", new Latencies(millis)));
    }

    /** (c) To the dashboards: from an order's 201 to the Home page counting it. */
    private static void printDashboards(List<Long> millis, int samples, List<Long> projected, List<Long> pageAnswers) {
        List<Long> shown = millis.stream().filter(m -> m >= 0).toList();
        System.out.printf(Locale.ROOT, "  (c) to the dashboards, from the order's 201 to the Home page counting it (%d of %d sample"
                + " customers, each with a state of its own; goal: p99 within 250 ms at 200 orders/s):%n", millis.size(), samples);
        System.out.printf(Locale.ROOT, "    %-34s %s%n", "Home page (state filter)", new Latencies(shown));
        System.out.printf(Locale.ROOT, "    %-34s %s%n", "projector's claim (every order)", new Latencies(projected));
        System.out.printf(Locale.ROOT, "    %-34s %s%n", "the page's answer (each poll)", new Latencies(pageAnswers));
        if (shown.size() < millis.size()) {
            System.out.printf(Locale.ROOT, "    %d sampled orders were not on the dashboards within 30 s%n", millis.size() - shown.size());
        }
    }

    private static void addIfReflected(List<Long> millis, long reflectedAt, long eventAt) {
        if (reflectedAt >= 0) {
            millis.add(reflectedAt - eventAt);
        }
    }

    /** Kafka's record time of each event on the topic that names a phase event as its cause, minus that event's time. */
    private static Latencies causedLatencies(TopicClient topics, String topic, String causeField, Map<String, Instant> eventTimes)
            throws IOException {
        List<Long> millis = new ArrayList<>();
        for (ConsumerRecord<String, String> record : topics.readAll(topic, Duration.ofMinutes(2))) {
            JsonNode event = JSON.readTree(record.value());
            Instant cause = eventTimes.get(event.path(causeField).asText());
            if (cause != null) {
                millis.add(record.timestamp() - cause.toEpochMilli());
            }
        }
        return new Latencies(millis);
    }

    private static List<Long> claimed(Connection db, String schema, LocalDateTime since) throws Exception {
        List<Long> millis = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("SELECT p.occurred_at, p.processed_at FROM " + schema + ".processed_event p "
                + "JOIN commerce.outbox_event o ON o.event_id = p.event_id WHERE o.occurred_at > ?")) {
            s.setTimestamp(1, Timestamp.valueOf(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    millis.add(Duration.between(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class)).toMillis());
                }
            }
        }
        return millis;
    }

    /** CPU time per process: the system's and this load generator's. */
    private static Map<String, Duration> cpuTimes(LocalSystem system) {
        Map<String, Duration> times = new LinkedHashMap<>(system.cpuTimes());
        times.put("load generator", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return times;
    }

    /**
     * CPU milliseconds each process spent per order, from the burst's start until the system was idle again, and their
     * total less what the idle system would have used in that time (returned): a figure that, unlike orders/s, does
     * not depend much on what else the machine was running.
     */
    private static double printCpuPerOrder(Map<String, Duration> before, Map<String, Duration> after, int orders,
            double idleMillis) {
        StringBuilder line = new StringBuilder("  CPU per order (burst until idle), ms:");
        double total = appendCpuPerProcess(line, before, after, 1e6 * orders);
        double aboveIdle = total - idleMillis / orders;
        System.out.println(line.append(String.format(Locale.ROOT, " total %.2f, above the idle system %.2f", total, aboveIdle)));
        return aboveIdle;
    }

    /**
     * The cores each process used during the fixed-rate phase, the gateway and the watchers' polls included: how busy
     * the machine was while the freshness was measured (the watchers' polls are load too).
     */
    private static void printCoresUsed(Map<String, Duration> before, Map<String, Duration> after, double seconds) {
        StringBuilder line = new StringBuilder("  cores used during the phase:");
        double total = appendCpuPerProcess(line, before, after, 1e9 * seconds);
        System.out.println(line.append(String.format(Locale.ROOT, " total %.2f of %d", total, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Appends each process's CPU time between the two readings, in nanoseconds divided by {@code nanosPerUnit} (per
     * order, per second), as " name value," and returns their sum.
     */
    private static double appendCpuPerProcess(StringBuilder line, Map<String, Duration> before, Map<String, Duration> after,
            double nanosPerUnit) {
        double total = 0;
        for (Map.Entry<String, Duration> process : after.entrySet()) {
            double value = (process.getValue().toNanos() - before.get(process.getKey()).toNanos()) / nanosPerUnit;
            total += value;
            line.append(String.format(Locale.ROOT, " %s %.2f,", process.getKey(), value));
        }
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

    /** Order {@code n}: a seeded random customer buys one to three of a seeded random product. */
    static String order(List<Long> customers, List<Long> products, int n) {
        SplittableRandom random = new SplittableRandom(n);
        long customer = customers.get(random.nextInt(customers.size()));
        long product = products.get(random.nextInt(products.size()));
        return "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + product + ",\"quantity\":" + (1 + random.nextInt(3))
                + "}],\"payment\":{\"method\":\"credit_card\",\"status\":\"succeeded\"}}";
    }

    /** Waits until every consumer has claimed every outbox event (only outbox events reach the topic in a benchmark run). */
    static void awaitConsumed(Connection db) throws Exception {
        while (true) {
            long outbox = ConsumerState.count(db, "SELECT COUNT(*) FROM commerce.outbox_event");
            boolean all = true;
            for (String schema : ConsumerState.CONSUMER_SCHEMAS) {
                all &= ConsumerState.count(db, "SELECT COUNT(*) FROM " + schema + ".processed_event") >= outbox;
            }
            if (all) {
                return;
            }
            Thread.sleep(200);
        }
    }
}
