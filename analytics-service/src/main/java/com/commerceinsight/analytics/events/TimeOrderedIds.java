package com.commerceinsight.analytics.events;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs of version 7 (RFC 9562): the Unix time in milliseconds in the top 48 bits, random bits after it. Why: event
 * ids are the keys of the outbox's unique index and of each consumer's processed_event table, and their text sorts
 * by time, so a new id lands at the end of those B-trees beside the previous one. Random (version 4) ids land on a
 * different page each, and every insert then dirties and rewrites a page of its own. They are as unique as version 4
 * (74 random bits per millisecond) and are not meant to be unguessable.
 */
public final class TimeOrderedIds {

    private TimeOrderedIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = millis << 16 | 0x7000L | random.nextInt(1 << 12);
        long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
