package com.commerceinsight.analytics.orders;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.analytics.idempotency.IdempotencyKey;
import com.commerceinsight.analytics.idempotency.IdempotentRequests;
import com.commerceinsight.analytics.idempotency.KeyReusedException;
import com.commerceinsight.analytics.idempotency.StoredAnswer;

/**
 * A batch of orders placed at most once per Idempotency-Key: in the batch's transaction, orders whose key already has
 * an answer are answered with it (and not written), the others are placed and their acceptances stored under their
 * keys. Two orders of one batch with the same key are one order: the second gets the first's answer.
 */
@ApplicationScoped
public class IdempotentPlacement {

    private final OrderIngestService ingest;
    private final IdempotentRequests answers;

    public IdempotentPlacement(OrderIngestService ingest, IdempotentRequests answers) {
        this.ingest = ingest;
        this.answers = answers;
    }

    /**
     * The outcome of each request, in request order; {@code keys} holds each request's key, or null for none, and
     * {@code traceparents} each request's trace for its outbox row.
     */
    public List<PlacementOutcome> placeOrders(List<PlaceOrderRequest> requests, List<IdempotencyKey> keys,
                                              List<String> traceparents) {
        if (keys.stream().allMatch(Objects::isNull)) {
            return ingest.placeOrders(requests, traceparents);
        }
        return answers.inNewTransaction(() -> placeOnce(requests, keys, traceparents));
    }

    private List<PlacementOutcome> placeOnce(List<PlaceOrderRequest> requests, List<IdempotencyKey> keys,
                                             List<String> traceparents) {
        Map<IdempotencyKey.Id, StoredAnswer> stored = answers.stored(keys.stream().filter(Objects::nonNull).map(IdempotencyKey::id)
                .distinct().toList());
        PlacementOutcome[] outcomes = new PlacementOutcome[requests.size()];
        int[] firstWithKey = new int[requests.size()];
        Arrays.fill(firstWithKey, -1);
        Map<IdempotencyKey.Id, Integer> placedKeys = new HashMap<>();
        List<Integer> toPlace = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            IdempotencyKey key = keys.get(i);
            StoredAnswer answer = key == null ? null : stored.get(key.id());
            if (answer != null) {
                outcomes[i] = key.sameRequestAs(answer) ? PlacementOutcome.replayed(answers.read(answer, OrderAccepted.class))
                        : PlacementOutcome.refused(new KeyReusedException());
            } else if (key != null && placedKeys.containsKey(key.id())) {
                firstWithKey[i] = placedKeys.get(key.id());
            } else {
                if (key != null) {
                    placedKeys.put(key.id(), i);
                }
                toPlace.add(i);
            }
        }
        List<PlacementOutcome> placed = toPlace.isEmpty() ? List.of()
                : ingest.placeOrders(toPlace.stream().map(requests::get).toList(),
                        toPlace.stream().map(traceparents::get).toList()); // joins this transaction
        List<Map.Entry<IdempotencyKey, OrderAccepted>> acceptances = new ArrayList<>();
        for (int k = 0; k < toPlace.size(); k++) {
            int i = toPlace.get(k);
            outcomes[i] = placed.get(k);
            if (keys.get(i) != null && outcomes[i].accepted() != null) {
                acceptances.add(Map.entry(keys.get(i), outcomes[i].accepted()));
            }
        }
        answers.store(acceptances);
        for (int i = 0; i < outcomes.length; i++) {
            int first = firstWithKey[i];
            if (first >= 0) {
                boolean sameRequest = keys.get(i).requestSha256().equals(keys.get(first).requestSha256());
                PlacementOutcome firstOutcome = outcomes[first];
                outcomes[i] = !sameRequest ? PlacementOutcome.refused(new KeyReusedException())
                        : firstOutcome.accepted() != null ? PlacementOutcome.replayed(firstOutcome.accepted()) : firstOutcome;
            }
        }
        return List.of(outcomes);
    }
}
