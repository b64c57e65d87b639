package com.commerceinsight.deploy.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Freshness where a user sees it: sample customers each place one order through the gateway (the product on top of
 * their recommendations), and their score, segment and recommendation list are polled on the gateway until each
 * answer reflects that order (see {@link ServedAnswers}). The sample customers get no other order while they are
 * watched, so a changed answer can only come from theirs. Records when each answer first reflected it, to the
 * resolution of the polling interval; the caller subtracts the order's event time.
 */
final class ServedFreshness implements AutoCloseable {

    /** A sampled order: its customer and product, and when each answer first reflected it (epoch ms, or -1: not in time). */
    record Sample(long customerId, long productId, long scoreAt, long segmentAt, long recommendationsAt) {
    }

    private final ServedAnswers answers;
    private final long pollMillis;
    private final long timeoutMillis;
    private final Map<Long, ServedAnswers.Served> before = new LinkedHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService watchers = Executors.newCachedThreadPool();
    private final List<Future<Sample>> watched = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Long>> answerMillis = new ConcurrentHashMap<>();

    ServedFreshness(ServedAnswers answers, long pollMillis, long timeoutMillis) {
        this.answers = answers;
        this.pollMillis = pollMillis;
        this.timeoutMillis = timeoutMillis;
    }

    /** Reads what is served now for each candidate; those with a recommendation list become sample customers. */
    int prepare(List<Long> candidates) throws Exception {
        for (long customer : candidates) {
            ServedAnswers.Served served = answers.all(customer);
            if (!served.recommended().isEmpty()) {
                before.put(customer, served);
            }
        }
        return before.size();
    }

    /** Starts one sampled order every {@code 1 / perSecond} s, each watched on a thread of its own. */
    void start(double perSecond) {
        Iterator<Map.Entry<Long, ServedAnswers.Served>> next = before.entrySet().iterator();
        clock.scheduleAtFixedRate(() -> {
            Map.Entry<Long, ServedAnswers.Served> customer;
            synchronized (next) {
                if (!next.hasNext()) {
                    return;
                }
                customer = next.next();
            }
            watched.add(watchers.submit(() -> watch(customer.getKey(), customer.getValue())));
        }, 0, Math.round(1_000_000 / perSecond), TimeUnit.MICROSECONDS);
    }

    /** Stops sampling and waits for the orders being watched. */
    List<Sample> finish() throws Exception {
        clock.shutdownNow();
        List<Sample> samples = new ArrayList<>();
        for (Future<Sample> sample : List.copyOf(watched)) {
            samples.add(sample.get(timeoutMillis + 30_000, TimeUnit.MILLISECONDS));
        }
        return samples;
    }

    private Sample watch(long customer, ServedAnswers.Served earlier) throws Exception {
        long product = earlier.recommended().get(0);
        answers.placeOrder(customer, product);
        long deadline = System.currentTimeMillis() + timeoutMillis;
        // A build whose score does not say which sale it counts last cannot show the order: not polled (stays -1).
        boolean scoreObservable = earlier.scoredLastOrderAt() != null;
        long score = -1;
        long segment = -1;
        long recommendations = -1;
        while ((scoreObservable && score < 0 || segment < 0 || recommendations < 0) && System.currentTimeMillis() < deadline) {
            if (scoreObservable && score < 0
                    && ServedAnswers.moved(timed("score", () -> answers.scoredLastOrderAt(customer)), earlier.scoredLastOrderAt())) {
                score = System.currentTimeMillis();
            }
            if (segment < 0 && ServedAnswers.moved(timed("segment", () -> answers.assessedAt(customer)), earlier.assessedAt())) {
                segment = System.currentTimeMillis();
            }
            if (recommendations < 0 && !timed("recommendations", () -> answers.recommended(customer)).contains(product)) {
                recommendations = System.currentTimeMillis();
            }
            Thread.sleep(pollMillis);
        }
        return new Sample(customer, product, score, segment, recommendations);
    }

    /** How long each poll of each answer took, through the gateway, while the load ran: answer name to milliseconds. */
    Map<String, List<Long>> pollAnswerMillis() {
        Map<String, List<Long>> copy = new TreeMap<>();
        answerMillis.forEach((answer, millis) -> copy.put(answer, List.copyOf(millis)));
        return copy;
    }

    private <T> T timed(String answer, Callable<T> poll) throws Exception {
        long asked = System.nanoTime();
        T value = poll.call();
        answerMillis.computeIfAbsent(answer, a -> Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - asked) / 1_000_000);
        return value;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        watchers.shutdownNow();
    }
}
