package com.commerceinsight.analytics.rounds;

import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Runs rounds on a daemon thread until stopped: the next at once after a full batch, after the poll interval when a
 * round caught up, after the retry interval when this replica is not the one doing the work ({@link #NOT_HOLDING}) or
 * when a round failed. A failed round's work is left for a later round to do again, so a failure is counted every time
 * ({@code <metric>.failed.rounds}) and logged once per outage, with a line when rounds succeed again. The time of each
 * round that did work is {@code <metric>.round} (how long the items it took waited on it, at the least).
 */
public final class RoundLoop {

    /** What a round answers when another replica holds the work's lease: wait the retry interval, not the poll interval. */
    public static final int NOT_HOLDING = -1;

    /** One round of work. */
    @FunctionalInterface
    public interface Round {
        /** @return the items handled, or {@link #NOT_HOLDING} */
        int run() throws Exception;
    }

    private final String name;
    private final Round round;
    private final RoundTimings timings;
    private final Counter failedRounds;
    private final Timer workingRounds;
    private final Logger log;
    private final Runnable onExit;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param name   the thread's name and the subject of the log lines ({@code outbox-relay})
     * @param metric the prefix of its meters ({@code outbox})
     * @param onExit runs on the loop's thread as it ends (releases what the rounds held)
     */
    public RoundLoop(String name, Round round, RoundTimings timings, MeterRegistry metrics, String metric, Logger log,
            Runnable onExit) {
        this.name = name;
        this.round = round;
        this.timings = timings;
        this.failedRounds = metrics.counter(metric + ".failed.rounds");
        this.workingRounds = Timer.builder(metric + ".round").description("rounds that did work")
                .publishPercentiles(0.5, 0.99).register(metrics);
        this.log = log;
        this.onExit = onExit;
    }

    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the loop and waits up to five seconds for the round in progress to end. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
    }

    private void run() {
        boolean lastRoundFailed = false;
        try {
            while (running) {
                long pause;
                long started = System.nanoTime();
                try {
                    int count = round.run();
                    if (count > 0) {
                        workingRounds.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    }
                    if (lastRoundFailed) {
                        log.infof("%s: rounds succeed again", name);
                        lastRoundFailed = false;
                    }
                    pause = count == NOT_HOLDING ? timings.retryInterval().toMillis()
                            : count < timings.batchSize() ? timings.pollInterval().toMillis() : 0;
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    failedRounds.increment();
                    if (!lastRoundFailed) {
                        log.warnf("%s: a round failed; its work waits and is done by a later round: %s", name, e.toString());
                        lastRoundFailed = true;
                    }
                    pause = timings.retryInterval().toMillis();
                }
                if (pause > 0) {
                    Thread.sleep(pause);
                }
            }
        } catch (InterruptedException e) {
            // stopped while pausing
        } finally {
            onExit.run();
        }
    }
}
