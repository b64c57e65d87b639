package com.commerceinsight.prediction.events;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import com.commerceinsight.prediction.scoring.EventHistories;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Forgets the kept histories whenever this replica's share of the order partitions changes: the customers of a
 * partition another replica held meanwhile may have ordered there. Named by
 * {@code mp.messaging.incoming.orders.consumer-rebalance-listener.name}.
 */
@ApplicationScoped
@Identifier(OrderPartitionChanges.NAME)
public class OrderPartitionChanges implements KafkaConsumerRebalanceListener {

    static final String NAME = "prediction-order-partitions";

    private final EventHistories histories;

    public OrderPartitionChanges(EventHistories histories) {
        this.histories = histories;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        histories.forgetAll();
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        histories.forgetAll();
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        histories.forgetAll();
    }
}
