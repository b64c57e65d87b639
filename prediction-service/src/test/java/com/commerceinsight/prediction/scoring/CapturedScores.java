package com.commerceinsight.prediction.scoring;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.test.Mock;

/** Stands in for the Kafka score channel in tests (there is no broker): keeps what would have been published. */
@Mock
@ApplicationScoped
public class CapturedScores extends ScorePublisher {

    private final List<RepurchaseScoreEvent> published = new CopyOnWriteArrayList<>();

    public CapturedScores() {
        super(null, null);
    }

    @Override
    public void publish(List<RepurchaseScoreEvent> scores) {
        published.addAll(scores);
    }

    public List<RepurchaseScoreEvent> published() {
        return published;
    }
}
