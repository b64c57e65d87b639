package com.commerceinsight.recommender.foldin;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderPlaced;
import com.commerceinsight.recommender.models.ActiveModel;
import com.commerceinsight.recommender.scoring.CustomerRow;
import com.commerceinsight.recommender.scoring.ServingModel;
import com.commerceinsight.recommender.signals.SignalConfig;

/**
 * Folds new purchases into customers' vectors with the product factors fixed, so the next request reflects an
 * order without a retrain. {@link #foldIn} runs inside the event batch's transaction and stores the new rows there
 * (every replica picks them up); {@link #publish} puts them in this replica's memory once that transaction committed.
 */
@ApplicationScoped
public class PurchaseFoldIn {

    /** Customer rows computed in a batch, for the model version they belong to. */
    public record Folded(ServingModel model, Map<Long, CustomerRow> rows) {
        public static final Folded NONE = new Folded(null, Map.of());
    }

    private final ActiveModel active;
    private final SignalConfig signals;

    public PurchaseFoldIn(ActiveModel active, SignalConfig signals) {
        this.active = active;
        this.signals = signals;
    }

    /**
     * Computes and stores the new rows of the batch's buyers. Orders placed before the model's training data ended
     * are already in it and are skipped; products the model does not know cannot be folded in (they have no vector).
     */
    public Folded foldIn(List<OrderEvent> events) {
        ServingModel model = active.current();
        if (model == null) {
            return Folded.NONE;
        }
        long trainedUntil = model.models().data().cutoff().getEpochSecond();
        Map<Long, List<Integer>> boughtByCustomer = new LinkedHashMap<>();
        for (OrderEvent event : events) {
            if (event.customerId() == null || !(event.data() instanceof OrderPlaced placed)
                    || placed.orderedAt().getEpochSecond() < trainedUntil) {
                continue;
            }
            for (OrderPlaced.Line line : placed.lines()) {
                int column = model.productColumn(line.productId());
                if (column >= 0 && line.quantity() > 0) {
                    boughtByCustomer.computeIfAbsent(event.customerId(), c -> new ArrayList<>()).add(column);
                }
            }
        }
        if (boughtByCustomer.isEmpty()) {
            return Folded.NONE;
        }
        Map<Long, CustomerFoldIn> stored = new HashMap<>();
        for (CustomerFoldIn row : CustomerFoldIn.<CustomerFoldIn>list("modelVersionId = ?1 and customerId in ?2",
                model.versionId(), boughtByCustomer.keySet())) {
            stored.put(row.customerId, row);
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Map<Long, CustomerRow> rows = new LinkedHashMap<>();
        boughtByCustomer.forEach((customerId, columns) -> {
            CustomerFoldIn entity = stored.get(customerId);
            CustomerRow current = entity != null ? FoldInCodec.decode(entity) : model.trainedCustomer(customerId);
            CustomerRow row = model.foldIn(current, columns.stream().mapToInt(Integer::intValue).toArray(), signals.purchaseWeight());
            if (entity == null) {
                entity = new CustomerFoldIn();
                entity.modelVersionId = model.versionId();
                entity.customerId = customerId;
            }
            entity.signals = FoldInCodec.signals(row);
            entity.vector = FoldInCodec.vector(row);
            entity.updatedAt = now;
            if (!entity.isPersistent()) {
                entity.persist();
            }
            rows.put(customerId, row);
        });
        return new Folded(model, rows);
    }

    /** Serves the committed rows on this replica at once. */
    public void publish(Folded folded) {
        folded.rows().forEach((customerId, row) -> folded.model().publish(customerId, row));
    }
}
