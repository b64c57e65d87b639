package com.commerceinsight.analytics.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The loop's pace (a full batch is followed at once, a caught-up round by the poll interval, a round without the lease
 * and a failed one by the retry interval), its failure count, and the release of what it held when it stops. The
 * pauses that must not pass in a test are an hour long, so a test that waits on one would time out.
 */
class RoundLoopTest {

    private static final Duration LONG = Duration.ofHours(1);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final Counter failed = metrics.counter("test.failed.rounds");

    @Test
    void fullBatchesFollowEachOtherAtOnceAndACaughtUpRoundWaitsThePollInterval() throws Exception {
        List<Integer> answers = List.of(3, 3, 3, 1, 3);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch caughtUp = new CountDownLatch(1);
        RoundLoop loop = loop(() -> {
            int call = calls.getAndIncrement();
            if (call == 3) {
                caughtUp.countDown();
            }
            return answers.get(Math.min(call, answers.size() - 1));
        }, timings(LONG, Duration.ZERO), () -> { });

        loop.start();
        assertThat(caughtUp.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        loop.stop();

        assertThat(calls.get()).isEqualTo(4);
        assertThat(metrics.timer("test.round").count()).isEqualTo(4);
    }

    @Test
    void aFailedRoundIsCountedAndTheNextRoundComesAfterTheRetryInterval() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch twoFailures = new CountDownLatch(2);
        CountDownLatch succeeded = new CountDownLatch(1);
        RoundLoop loop = loop(() -> {
            if (calls.getAndIncrement() < 2) {
                twoFailures.countDown();
                throw new IllegalStateException("broker down");
            }
            succeeded.countDown();
            return 0;
        }, timings(LONG, Duration.ofMillis(10)), () -> { });

        loop.start();
        assertThat(succeeded.await(10, TimeUnit.SECONDS)).isTrue();
        loop.stop();

        assertThat(failed.count()).isEqualTo(2.0);
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void aRoundWithoutTheLeaseWaitsTheRetryIntervalNotThePollInterval() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch first = new CountDownLatch(1);
        RoundLoop loop = loop(() -> {
            calls.incrementAndGet();
            first.countDown();
            return RoundLoop.NOT_HOLDING;
        }, timings(Duration.ZERO, LONG), () -> { });

        loop.start();
        assertThat(first.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        loop.stop();

        assertThat(calls.get()).isEqualTo(1);
        assertThat(failed.count()).isZero();
    }

    @Test
    void stoppingEndsThePauseAndReleasesOnTheLoopsThread() throws Exception {
        List<String> releasedOn = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(1);
        RoundLoop loop = loop(() -> {
            ran.countDown();
            return 0;
        }, timings(LONG, LONG), () -> releasedOn.add(Thread.currentThread().getName()));

        loop.start();
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        loop.stop();

        assertThat(releasedOn).containsExactly("test-loop");
    }

    private RoundLoop loop(RoundLoop.Round round, RoundTimings timings, Runnable onExit) {
        return new RoundLoop("test-loop", round, timings, metrics, "test", Logger.getLogger(RoundLoopTest.class), onExit);
    }

    private static RoundTimings timings(Duration poll, Duration retry) {
        return new RoundTimings() {
            @Override
            public Duration pollInterval() {
                return poll;
            }

            @Override
            public Duration retryInterval() {
                return retry;
            }

            @Override
            public int batchSize() {
                return 3;
            }
        };
    }
}
