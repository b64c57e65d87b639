package com.commerceinsight.recommender.signals;

import java.time.Instant;
import java.util.Arrays;

/**
 * Every signal of every customer in time order, held in parallel primitive columns (a shop's history is millions
 * of rows; objects per row would cost several times the memory). Built once per training and split by time.
 */
public final class InteractionLog {

    /** Cached: values() copies the array on every call, and kind() runs once per row of a training set. */
    private static final SignalKind[] KINDS = SignalKind.values();

    private int size;
    private long[] customers;
    private long[] products;
    private long[] epochSeconds;
    private byte[] kinds;
    private byte[] ratings;
    private Instant settledBefore;

    public InteractionLog() {
        this(1024);
    }

    public InteractionLog(int capacity) {
        customers = new long[capacity];
        products = new long[capacity];
        epochSeconds = new long[capacity];
        kinds = new byte[capacity];
        ratings = new byte[capacity];
    }

    public void add(long customerId, long productId, Instant at, SignalKind kind, int rating) {
        if (size == customers.length) {
            int capacity = Math.max(16, size * 2);
            customers = Arrays.copyOf(customers, capacity);
            products = Arrays.copyOf(products, capacity);
            epochSeconds = Arrays.copyOf(epochSeconds, capacity);
            kinds = Arrays.copyOf(kinds, capacity);
            ratings = Arrays.copyOf(ratings, capacity);
        }
        customers[size] = customerId;
        products[size] = productId;
        epochSeconds[size] = at.getEpochSecond();
        kinds[size] = (byte) kind.ordinal();
        ratings[size] = (byte) rating;
        size++;
    }

    public int size() {
        return size;
    }

    public long customer(int row) {
        return customers[row];
    }

    public long product(int row) {
        return products[row];
    }

    public long epochSecond(int row) {
        return epochSeconds[row];
    }

    public SignalKind kind(int row) {
        return KINDS[kinds[row]];
    }

    public int rating(int row) {
        return ratings[row];
    }

    /**
     * Before this time the log holds every signal there will be: none dated earlier can still be committed after the
     * read. Null for a log no signal is added to while it is read (a file, a test).
     */
    public Instant settledBefore() {
        return settledBefore;
    }

    public void settledBefore(Instant time) {
        settledBefore = time;
    }

    /** The time of the latest purchase, or null for a log without purchases. */
    public Instant lastPurchase() {
        long last = Long.MIN_VALUE;
        for (int row = 0; row < size; row++) {
            if (kinds[row] == SignalKind.PURCHASE.ordinal()) {
                last = Math.max(last, epochSeconds[row]);
            }
        }
        return last == Long.MIN_VALUE ? null : Instant.ofEpochSecond(last);
    }
}
