package com.commerceinsight.analytics.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.problem.ProblemMappers;
import com.commerceinsight.analytics.problem.QueueFullException;

class BoundedWorkerTest {

    @Test
    void aJobOfferedToAFullQueueIsRefusedAndAnswered503WithRetryAfter() throws Exception {
        BoundedWorker worker = new BoundedWorker("test-worker", "test job", 2);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger done = new AtomicInteger();
        try {
            worker.submit(() -> {
                running.countDown();
                await(release);
                done.incrementAndGet();
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            worker.submit(done::incrementAndGet);
            worker.submit(done::incrementAndGet);
            assertThatThrownBy(() -> worker.submit(done::incrementAndGet)).isInstanceOf(QueueFullException.class)
                    .hasMessageContaining("2 test jobs are already waiting");
            Response response = new ProblemMappers().queueFull(new QueueFullException("full", java.time.Duration.ofSeconds(30)));
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("30");
        } finally {
            release.countDown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (done.get() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(done.get()).as("the running and the two queued jobs ran; the refused one did not").isEqualTo(3);
        worker.shutdownNow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
