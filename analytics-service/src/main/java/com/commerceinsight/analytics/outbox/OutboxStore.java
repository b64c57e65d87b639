package com.commerceinsight.analytics.outbox;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;

/** Reads the rows waiting for publication and marks them published, each in a short transaction of its own. */
@ApplicationScoped
public class OutboxStore {

    public List<OutboxEvent> nextUnpublished(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find(
                "publishedAt is null order by id").page(Page.ofSize(limit)).list());
    }

    public void markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        QuarkusTransaction.requiringNew().run(() ->
                OutboxEvent.update("publishedAt = ?1 where id in ?2", now, ids));
    }

    /** Rows not yet published, and the time of the oldest (null when none wait). */
    public Backlog backlog() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = OutboxEvent.getEntityManager()
                    .createQuery("select count(e), min(e.occurredAt) from OutboxEvent e where e.publishedAt is null", Object[].class)
                    .getSingleResult();
            return new Backlog((Long) row[0], (LocalDateTime) row[1]);
        });
    }

    public record Backlog(long waiting, LocalDateTime oldestOccurredAt) {
    }
}
