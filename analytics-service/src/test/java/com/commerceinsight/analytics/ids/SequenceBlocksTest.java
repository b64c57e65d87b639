package com.commerceinsight.analytics.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.customers.Customer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two replicas' blocks and the ORM's own pooled-lo allocation draw on one sequence: every id handed out is distinct,
 * across several blocks.
 */
@QuarkusTest
class SequenceBlocksTest {

    @Inject
    DataSource dataSource;

    @Test
    void twoReplicasAndTheOrmNeverHandOutTheSameId() throws Exception {
        SequenceBlocks replicaA = new SequenceBlocks();
        SequenceBlocks replicaB = new SequenceBlocks();
        List<Long> handedOut = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            try (var connection = dataSource.getConnection()) {
                for (int i = 0; i < 40; i++) {
                    handedOut.add(replicaA.next(connection, "commerce.customer_seq"));
                    handedOut.add(replicaB.next(connection, "commerce.customer_seq"));
                }
            }
            handedOut.add(QuarkusTransaction.requiringNew().call(() -> {
                Customer customer = new Customer();
                customer.dataSource = "sequence-test";
                customer.externalRef = UUID.randomUUID().toString();
                customer.persist();
                return customer.id;
            }));
        }
        Set<Long> distinct = new HashSet<>(handedOut);
        assertThat(distinct).hasSize(handedOut.size());
    }
}
