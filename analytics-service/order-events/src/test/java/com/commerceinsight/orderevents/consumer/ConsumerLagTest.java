package com.commerceinsight.orderevents.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    private static final TopicPartition P0 = new TopicPartition("commerce.orders.v1", 0);
    private static final TopicPartition P1 = new TopicPartition("commerce.orders.v1", 1);
    private static final TopicPartition P2 = new TopicPartition("commerce.orders.v1", 2);

    @Test
    void lagIsTheEventsBetweenTheCommittedOffsetAndTheEndOfEachPartition() {
        long lag = ConsumerLag.lagOf(Map.of(P0, 120L, P1, 40L), Map.of(P0, new OffsetAndMetadata(100), P1, new OffsetAndMetadata(40)),
                Map.of(P0, 0L, P1, 0L));
        assertThat(lag).isEqualTo(20);
    }

    @Test
    void aPartitionTheGroupNeverCommittedCountsFromItsFirstOffset() {
        // retention deleted offsets 0-29 of P2: the consumer starts at 30 (auto.offset.reset=earliest)
        long lag = ConsumerLag.lagOf(Map.of(P2, 75L), Map.of(), Map.of(P2, 30L));
        assertThat(lag).isEqualTo(45);
    }

    @Test
    void aCommitAheadOfAStaleEndOffsetIsNoNegativeLag() {
        assertThat(ConsumerLag.lagOf(Map.of(P0, 10L), Map.of(P0, new OffsetAndMetadata(12)), Map.of(P0, 0L))).isZero();
    }
}
