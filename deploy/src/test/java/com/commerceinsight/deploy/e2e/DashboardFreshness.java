package com.commerceinsight.deploy.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Freshness of the dashboards: sample customers each place one order through the gateway, and the Home page filtered
 * to that customer's state and to today is polled until it counts the order. Each sample customer is first given a state of its
 * own (a benchmark-only write to the customer row), so the page counts nothing before the order and exactly it after:
 * the time from the order's 201 to the first poll that shows it, to the resolution of the polling interval.
 */
final class DashboardFreshness implements AutoCloseable {

    private static final String STATE_PREFIX = "bench-fresh-";

    private final ServedAnswers answers;
    private final long pollMillis;
    private final long timeoutMillis;
    private final List<Long> customers;
    private final long productId;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService watchers = Executors.newCachedThreadPool();
    private final List<Future<Long>> watched = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger next = new AtomicInteger();
    private final List<Long> answerMillis = Collections.synchronizedList(new ArrayList<>());

    DashboardFreshness(ServedAnswers answers, long pollMillis, long timeoutMillis, List<Long> customers, long productId) {
        this.answers = answers;
        this.pollMillis = pollMillis;
        this.timeoutMillis = timeoutMillis;
        this.customers = customers;
        this.productId = productId;
    }

    /** Gives each sample customer a state of its own; returns how many samples there are. */
    int prepare(Connection db) throws Exception {
        try (PreparedStatement update = db.prepareStatement("UPDATE commerce.customer SET state = ? WHERE id = ?")) {
            for (int i = 0; i < customers.size(); i++) {
                update.setString(1, STATE_PREFIX + i);
                update.setLong(2, customers.get(i));
                update.addBatch();
            }
            update.executeBatch();
        }
        return customers.size();
    }

    /** Starts one sampled order every {@code 1 / perSecond} s, each watched on a thread of its own. */
    void start(double perSecond) {
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < customers.size()) {
                watched.add(watchers.submit(() -> watch(i)));
            }
        }, 0, Math.round(1_000_000 / perSecond), TimeUnit.MICROSECONDS);
    }

    /** Stops sampling, waits for the orders being watched; milliseconds from each 201 to the page showing it (-1: not in time). */
    List<Long> finish() throws Exception {
        clock.shutdownNow();
        List<Long> millis = new ArrayList<>();
        for (Future<Long> sample : List.copyOf(watched)) {
            millis.add(sample.get(timeoutMillis + 30_000, TimeUnit.MILLISECONDS));
        }
        return millis;
    }

    private long watch(int sample) throws Exception {
        String state = STATE_PREFIX + sample;
        answers.placeOrder(customers.get(sample), productId);
        long accepted = System.currentTimeMillis();
        // The order is placed now: filed under today (UTC), the day the page is asked for.
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        long deadline = accepted + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            long asked = System.nanoTime();
            long orders = answers.dashboardOrders(state, day);
            answerMillis.add((System.nanoTime() - asked) / 1_000_000);
            if (orders >= 1) {
                return System.currentTimeMillis() - accepted;
            }
            Thread.sleep(pollMillis);
        }
        return -1;
    }

    /** How long each poll of the Home page took to answer, through the gateway, while the load ran. */
    List<Long> pollAnswerMillis() {
        return List.copyOf(answerMillis);
    }

    @Override
    public void close() {
        clock.shutdownNow();
        watchers.shutdownNow();
    }
}
