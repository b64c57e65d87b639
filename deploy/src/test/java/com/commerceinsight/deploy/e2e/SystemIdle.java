package com.commerceinsight.deploy.e2e;

import java.time.Duration;
import java.util.Map;

/**
 * Waits until the whole local system has gone quiet, so that a CPU window ends after the work an order causes, not
 * when the last consumer has claimed it: the database writes changed pages some seconds after the commits
 * (WRITE_DELAY), and the services publish and evict after theirs.
 */
final class SystemIdle {

    /** Below this much CPU per second across all processes the system counts as idle (5 % of one core). */
    private static final long IDLE_MILLIS_PER_SECOND = 50;

    private SystemIdle() {
    }

    /** Returns once a whole second passes with the system's processes using under 50 ms of CPU, or after {@code limit}. */
    static Duration await(LocalSystem system, Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        Map<String, Duration> previous = system.cpuTimes();
        while (System.nanoTime() - started < limit.toNanos()) {
            Thread.sleep(1_000);
            Map<String, Duration> now = system.cpuTimes();
            long used = 0;
            for (Map.Entry<String, Duration> process : now.entrySet()) {
                used += process.getValue().minus(previous.getOrDefault(process.getKey(), Duration.ZERO)).toMillis();
            }
            if (used < IDLE_MILLIS_PER_SECOND) {
                break;
            }
            previous = now;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
