package com.commerceinsight.deploy.e2e;

import java.time.Duration;
import java.util.Map;

/**
 * Waits until the whole local system has gone quiet, so that a CPU window ends after the work an order causes, not
 * when the last consumer has claimed it: the database writes changed pages some seconds after the commits
 * (WRITE_DELAY), and the services publish and evict after theirs.
 */
final class SystemIdle {

    /** Above the idle system's own rate (timers, polls, the database's page writer), what still counts as idle. */
    private static final long MARGIN_MILLIS_PER_SECOND = 50;

    private SystemIdle() {
    }

    /** The CPU milliseconds per second the system's processes use with nothing to do, measured over {@code span}. */
    static double idleRate(LocalSystem system, Duration span) throws InterruptedException {
        long before = total(system.cpuTimes());
        Thread.sleep(span.toMillis());
        return (total(system.cpuTimes()) - before) * 1000.0 / span.toMillis();
    }

    /**
     * Returns once a whole second passes with the system's processes using under {@code idleRate} + 50 ms of CPU, or
     * after {@code limit}.
     */
    static Duration await(LocalSystem system, double idleRate, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        Map<String, Duration> previous = system.cpuTimes();
        while (System.nanoTime() - started < limit.toNanos()) {
            Thread.sleep(1_000);
            Map<String, Duration> now = system.cpuTimes();
            long used = 0;
            for (Map.Entry<String, Duration> process : now.entrySet()) {
                used += process.getValue().minus(previous.getOrDefault(process.getKey(), Duration.ZERO)).toMillis();
            }
            if (used < idleRate + MARGIN_MILLIS_PER_SECOND) {
                break;
            }
            previous = now;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static long total(Map<String, Duration> times) {
        return times.values().stream().mapToLong(Duration::toMillis).sum();
    }
}
