package com.commerceinsight.recommender.foldin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderPlaced;
import com.commerceinsight.recommender.models.ActiveModel;
import com.commerceinsight.recommender.scoring.CustomerRow;
import com.commerceinsight.recommender.scoring.ServingModel;
import com.commerceinsight.recommender.signals.SignalConfig;

import io.agroal.api.AgroalDataSource;

/**
 * Folds new purchases into customers' vectors with the product factors fixed, so the next request reflects an order
 * without a retrain. A customer's row for a model version is computed from their trained row and every purchase they
 * made from the version's training end on, as the commerce tables hold them when the row is written; the order event
 * only says whose row to compute again. So a row does not depend on the order events arrive in, and a purchase an
 * activation folded in is not counted again when its event is applied after it.
 * <p>
 * {@link #foldIn} runs inside the event batch's transaction and stores the new rows there (every replica picks them
 * up); {@link #publish} puts them in this replica's memory once that transaction committed. {@link #foldInEveryone}
 * runs inside an activation's transaction and writes the rows of everyone who bought since the version's training end,
 * which include the purchases made while it trained.
 */
@ApplicationScoped
public class PurchaseFoldIn {

    /** Customer rows computed in a batch, for the model version they belong to. */
    public record Folded(ServingModel model, Map<Long, CustomerRow> rows) {
        public static final Folded NONE = new Folded(null, Map.of());
    }

    private static final CustomerRow NOTHING_KNOWN = new CustomerRow(new int[0], new float[0], new int[0], new float[0]);

    private final ActiveModel active;
    private final PurchasesSinceTraining purchases;
    private final SignalConfig signals;
    private final AgroalDataSource dataSource;

    public PurchaseFoldIn(ActiveModel active, PurchasesSinceTraining purchases, SignalConfig signals, AgroalDataSource dataSource) {
        this.active = active;
        this.purchases = purchases;
        this.signals = signals;
        this.dataSource = dataSource;
    }

    /**
     * Computes and stores the rows of the batch's buyers for the active version (from
     * {@link com.commerceinsight.recommender.models.ModelActivation#share}, which the caller holds). A buyer whose orders
     * in the batch were all placed before the version's training data ended has nothing new to fold in. Two replicas
     * applying the same customer during a rebalance keep the row of the later read ({@link FoldInRows}).
     */
    public Folded foldIn(String activeVersionId, List<OrderEvent> events) throws SQLException {
        if (activeVersionId == null) {
            return Folded.NONE;
        }
        ServingModel model = active.serving(activeVersionId);
        long trainedUntil = model.trainedUntil().getEpochSecond();
        Set<Long> buyers = new LinkedHashSet<>();
        for (OrderEvent event : events) {
            if (event.customerId() != null && event.data() instanceof OrderPlaced placed
                    && placed.orderedAt().getEpochSecond() >= trainedUntil) {
                buyers.add(event.customerId());
            }
        }
        if (buyers.isEmpty()) {
            return Folded.NONE;
        }
        // The transaction's connection: the rows commit with the batch's claims.
        try (Connection connection = dataSource.getConnection()) {
            List<FoldInRows.Row> rows = rows(model, purchases.of(buyers, model.trainedUntil()));
            FoldInRows.write(connection, model.versionId(), rows, active.replica(), now());
            return new Folded(model, FoldInRows.byCustomer(rows));
        }
    }

    /**
     * Writes the version's row of every customer who bought from its training end on, replacing rows of an earlier
     * activation of it; in the activation's transaction, after {@code ModelActivation.activate}.
     */
    public void foldInEveryone(ServingModel model) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            FoldInRows.deleteVersion(connection, model.versionId());
            FoldInRows.write(connection, model.versionId(), rows(model, purchases.ofEveryone(model.trainedUntil())),
                    active.replica(), now());
        }
    }

    /** Serves the committed rows on this replica at once. */
    public void publish(Folded folded) {
        folded.rows().forEach((customerId, row) -> folded.model().publish(customerId, row));
    }

    /**
     * Each customer's trained row with their purchases folded in. A customer with no purchase of a product the model
     * knows keeps their trained row (none, for a customer the model does not know), stored all the same with its
     * purchase count: the row says the customer's purchases were seen.
     */
    private List<FoldInRows.Row> rows(ServingModel model, Map<Long, List<Long>> boughtByCustomer) {
        List<FoldInRows.Row> rows = new ArrayList<>(boughtByCustomer.size());
        boughtByCustomer.forEach((customerId, products) -> {
            int[] columns = products.stream().mapToInt(model::productColumn).filter(column -> column >= 0).toArray();
            CustomerRow trained = model.trainedCustomer(customerId);
            CustomerRow row = columns.length > 0 ? model.foldIn(trained, columns, signals.purchaseWeight())
                    : trained != null ? trained : NOTHING_KNOWN;
            rows.add(new FoldInRows.Row(customerId, row, products.size()));
        });
        return rows;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
