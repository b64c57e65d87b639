package com.commerceinsight.analytics.projection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

/**
 * Waits, in a bounded loop, until the order projector has applied every committed order event: tests that read the
 * read models after writing through the ingest call it first. Fails after the bound rather than waiting for ever.
 */
public final class ProjectionCaughtUp {

    private static final Duration BOUND = Duration.ofSeconds(60);

    private ProjectionCaughtUp() {
    }

    public static void await(DataSource dataSource) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (unprojected(dataSource) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the order projector has not applied every event within " + BOUND);
            }
            Thread.sleep(10);
        }
    }

    static long unprojected(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM commerce.outbox_event WHERE projected_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
