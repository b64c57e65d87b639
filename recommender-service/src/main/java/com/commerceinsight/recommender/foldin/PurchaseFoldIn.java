package com.commerceinsight.recommender.foldin;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import com.commerceinsight.orderevents.OrderEvent;
import com.commerceinsight.orderevents.OrderPlaced;
import com.commerceinsight.recommender.models.ActiveModel;
import com.commerceinsight.recommender.scoring.CustomerRow;
import com.commerceinsight.recommender.scoring.ServingModel;
import com.commerceinsight.recommender.signals.SignalConfig;

import io.agroal.api.AgroalDataSource;

/**
 * Folds new purchases into customers' vectors with the product factors fixed, so the next request reflects an order
 * without a retrain. A customer's row for a model version holds their trained row plus every order they placed from
 * the version's training end on, each folded once: the row keeps the ids of the orders it holds. An event batch adds
 * the orders of its events that the row does not hold; an activation writes every customer's row from the commerce
 * tables, with those orders' ids, so an order whose event is applied after the activation that folded it counts once.
 * Adding is order-free (strengths add up, the vector is solved from them), so events may come in any order.
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

        static Folded of(ServingModel model, List<FoldInRows.Row> written) {
            Map<Long, CustomerRow> rows = new LinkedHashMap<>();
            written.forEach(row -> rows.put(row.customerId(), row.row()));
            return new Folded(model, rows);
        }
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
     * Adds the batch's new orders to their buyers' rows of the active version (from
     * {@link com.commerceinsight.recommender.models.ModelActivation#share}, which the caller holds) and stores them. An
     * order placed before the version's training data ended is in it already. The stored rows are read under a lock,
     * so two replicas applying the same customer during a rebalance add one after the other.
     */
    public Folded foldIn(String activeVersionId, List<OrderEvent> events) throws SQLException {
        if (activeVersionId == null) {
            return Folded.NONE;
        }
        ServingModel model = active.serving(activeVersionId);
        long trainedUntil = model.trainedUntil().getEpochSecond();
        Map<Long, Map<Long, List<Long>>> ordersByBuyer = new LinkedHashMap<>();
        for (OrderEvent event : events) {
            if (event.customerId() != null && event.data() instanceof OrderPlaced placed
                    && placed.orderedAt().getEpochSecond() >= trainedUntil) {
                List<Long> products = placed.lines().stream().filter(line -> line.quantity() > 0).map(OrderPlaced.Line::productId).toList();
                ordersByBuyer.computeIfAbsent(event.customerId(), customer -> new LinkedHashMap<>()).put(event.orderId(), products);
            }
        }
        if (ordersByBuyer.isEmpty()) {
            return Folded.NONE;
        }
        Map<Long, CustomerFoldIn> stored = new HashMap<>();
        for (CustomerFoldIn row : CustomerFoldIn.<CustomerFoldIn>find("modelVersionId = ?1 and customerId in ?2",
                model.versionId(), ordersByBuyer.keySet()).withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
            stored.put(row.customerId, row);
        }
        List<FoldInRows.Row> rows = new ArrayList<>();
        ordersByBuyer.forEach((customerId, orders) -> {
            CustomerFoldIn row = stored.get(customerId);
            FoldInRows.Row current = row != null ? new FoldInRows.Row(customerId, FoldInCodec.decode(row), row.purchaseLines,
                    FoldInCodec.decodeOrders(row.foldedOrders)) : trainedRow(model, customerId);
            add(model, current, orders).ifPresent(rows::add);
        });
        // The transaction's connection: the rows commit with the batch's claims.
        try (Connection connection = dataSource.getConnection()) {
            FoldInRows.write(connection, model.versionId(), rows, active.replica(), now());
        }
        return Folded.of(model, rows);
    }

    /**
     * Writes the version's row of every customer who bought from its training end on, replacing rows of an earlier
     * activation of it; in the activation's transaction, after {@code ModelActivation.activate}.
     */
    public void foldInEveryone(ServingModel model) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            FoldInRows.deleteVersion(connection, model.versionId());
            List<FoldInRows.Row> rows = new ArrayList<>();
            purchases.ofEveryone(model.trainedUntil()).forEach((customerId, orders) ->
                    add(model, trainedRow(model, customerId), orders).ifPresent(rows::add));
            FoldInRows.write(connection, model.versionId(), rows, active.replica(), now());
        }
    }

    /** Serves the committed rows on this replica at once. */
    public void publish(Folded folded) {
        folded.rows().forEach((customerId, row) -> folded.model().publish(customerId, row));
    }

    /** The customer's row as trained (none, for a customer the model does not know), with no order folded in. */
    private static FoldInRows.Row trainedRow(ServingModel model, long customerId) {
        CustomerRow trained = model.trainedCustomer(customerId);
        return new FoldInRows.Row(customerId, trained != null ? trained : NOTHING_KNOWN, 0, new long[0]);
    }

    /**
     * The row with the orders it does not hold yet added (each order's products, one per line), or nothing when it holds
     * them all. An order of products the model does not know changes no vector, but its id and lines are kept all the
     * same: the row says the order was seen.
     */
    private Optional<FoldInRows.Row> add(ServingModel model, FoldInRows.Row current, Map<Long, List<Long>> orders) {
        TreeSet<Long> held = new TreeSet<>();
        Arrays.stream(current.orders()).forEach(held::add);
        List<Long> products = new ArrayList<>();
        orders.forEach((orderId, lines) -> {
            if (held.add(orderId)) {
                products.addAll(lines);
            }
        });
        if (held.size() == current.orders().length) {
            return Optional.empty();
        }
        int[] columns = products.stream().mapToInt(model::productColumn).filter(column -> column >= 0).toArray();
        CustomerRow row = columns.length == 0 ? current.row()
                : model.foldIn(current.row(), columns, signals.purchaseWeight());
        return Optional.of(new FoldInRows.Row(current.customerId(), row, current.purchaseLines() + products.size(),
                held.stream().mapToLong(Long::longValue).toArray()));
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
