package com.commerceinsight.recommender.signals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A read of the live tables is complete only up to the orders that may still be committing while it runs. */
@QuarkusTest
class CommerceSignalReaderTest {

    @Inject
    CommerceSignalReader reader;

    @Test
    void theLogIsSettledOnlyUntilTheInFlightMarginBeforeTheRead() {
        Instant before = Instant.now();
        InteractionLog log = reader.readAll();
        Instant after = Instant.now();

        assertThat(log.settledBefore())
                .isBetween(before.minus(CommerceSignalReader.IN_FLIGHT).truncatedTo(ChronoUnit.SECONDS),
                        after.minus(CommerceSignalReader.IN_FLIGHT))
                .isEqualTo(log.settledBefore().truncatedTo(ChronoUnit.SECONDS));
    }
}
