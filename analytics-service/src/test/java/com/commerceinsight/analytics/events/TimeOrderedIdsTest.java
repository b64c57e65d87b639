package com.commerceinsight.analytics.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void idsAreVersionSevenWithTheirTimeInFront() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, "time " + millis + " outside " + before + ".." + after);
    }

    @Test
    void aLaterIdSortsAfterAnEarlierOneAsText() throws InterruptedException {
        String earlier = TimeOrderedIds.next().toString();
        Thread.sleep(2);
        String later = TimeOrderedIds.next().toString();
        assertTrue(earlier.compareTo(later) < 0, earlier + " should sort before " + later);
    }

    @Test
    void manyIdsInTheSameMillisecondsAreDistinct() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertEquals(200_000, ids.size());
    }
}
