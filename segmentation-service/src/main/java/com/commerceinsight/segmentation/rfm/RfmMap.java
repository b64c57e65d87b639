package com.commerceinsight.segmentation.rfm;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;

import com.commerceinsight.segmentation.features.CommerceSnapshot;
import com.commerceinsight.segmentation.features.PurchaseSummary;
import com.commerceinsight.segmentation.models.ModelDefinition;
import com.commerceinsight.segmentation.rfm.RfmViews.CellCount;
import com.commerceinsight.segmentation.rfm.RfmViews.RfmMapView;
import com.commerceinsight.segmentation.rfm.RfmViews.SegmentCells;
import com.commerceinsight.segmentation.rfm.RfmViews.TransitionMatrix;
import com.commerceinsight.segmentation.rfm.RfmViews.TransitionsView;
import com.commerceinsight.segmentation.scoring.ActiveModel;
import com.commerceinsight.segmentation.scoring.ActiveModels;
import com.commerceinsight.segmentation.scoring.AssessedCustomer;
import com.commerceinsight.segmentation.scoring.CustomerSegment;

/**
 * The RFM segment map of the active model's customers, and month-to-month transitions. The map counts the customers'
 * squares of the map (recency score, frequency-monetary score), which are kept with each customer's segment, scored at
 * the same assessment time against the model's quintile borders, and written wherever the segment is (training,
 * activation, each order event's reassignment): a count in the database instead of every customer read and scored per
 * request (75,964 customers on the 1,000,000-order shop). A row without its square is scored here as it is read.
 */
@ApplicationScoped
public class RfmMap {

    static final String NO_ORDER = "No order";

    private final ActiveModels models;
    private final CommerceSnapshot snapshot;

    public RfmMap(ActiveModels models, CommerceSnapshot snapshot) {
        this.models = models;
        this.snapshot = snapshot;
    }

    public RfmMapView now() {
        ActiveModel model = active();
        RfmQuintiles quintiles = quintilesOf(model);
        Map<RfmCell, Long> perCell = new EnumMap<>(RfmCell.class);
        long[][] grid = new long[5][5];
        Map<Integer, Map<RfmCell, Long>> perSegment = new LinkedHashMap<>();
        for (int segmentId : model.definition().segmentIds()) {
            perSegment.put(segmentId, new EnumMap<>(RfmCell.class));
        }
        long[] customers = {0};
        SquareCounter counter = (segmentId, recency, frequencyMonetary, n) -> {
            customers[0] += n;
            RfmCell cell = RfmCell.of(recency, frequencyMonetary);
            perCell.merge(cell, n, Long::sum);
            grid[frequencyMonetary - 1][recency - 1] += n;
            perSegment.computeIfAbsent(segmentId, id -> new EnumMap<>(RfmCell.class)).merge(cell, n, Long::sum);
        };
        EntityManager entityManager = CustomerSegment.getEntityManager();
        // The squares kept with the active model's assignments, counted by the database.
        entityManager.createQuery("select c.segmentId, c.rfmRecency, c.rfmFrequencyMonetary, count(c) from CustomerSegment c"
                + " where c.segmentId is not null and c.modelId = :model and c.rfmRecency is not null"
                + " group by c.segmentId, c.rfmRecency, c.rfmFrequencyMonetary", Object[].class)
                .setParameter("model", model.id()).getResultList()
                .forEach(square -> counter.add((Integer) square[0], (Integer) square[1], (Integer) square[2], (Long) square[3]));
        // Rows without a kept square of this model (assessed before squares were kept, or by another model): scored here.
        try (Stream<AssessedCustomer> rows = AssessedCustomer.withoutKeptRfm(entityManager, model.id())) {
            rows.forEach(row -> {
                RfmScores scores = quintiles.score(row.summary(), row.assessedAt());
                if (scores != null) {
                    counter.add(row.segmentId(), scores.recencyScore(), scores.frequencyMonetaryScore(), 1);
                }
            });
        }
        List<CellCount> cells = new ArrayList<>();
        for (RfmCell cell : RfmCell.values()) {
            long count = perCell.getOrDefault(cell, 0L);
            cells.add(new CellCount(cell, count, customers[0] == 0 ? 0 : (double) count / customers[0]));
        }
        RfmCell[][] gridCells = new RfmCell[5][5];
        for (int fm = 1; fm <= 5; fm++) {
            for (int r = 1; r <= 5; r++) {
                gridCells[fm - 1][r - 1] = RfmCell.of(r, fm);
            }
        }
        List<SegmentCells> bySegment = new ArrayList<>();
        perSegment.forEach((segmentId, counts) -> bySegment.add(new SegmentCells(segmentId, nameOf(model.definition(), segmentId), counts)));
        return new RfmMapView(model.id(), customers[0], cells, grid, gridCells, bySegment);
    }

    /**
     * Transitions over one month: every customer's summary at the end of the month before and at the end of the month,
     * read from the order history (not from the kept rows, which hold the present only), assessed with the active model.
     */
    public TransitionsView transitions(java.time.YearMonth month) {
        ActiveModel model = active();
        RfmQuintiles quintiles = quintilesOf(model);
        LocalDateTime from = month.atDay(1).atStartOfDay().minusNanos(1_000_000);
        LocalDateTime to = month.plusMonths(1).atDay(1).atStartOfDay().minusNanos(1_000_000);
        Map<Long, PurchaseSummary> before = byCustomer(snapshot.summaries(from));
        Map<Long, PurchaseSummary> after = byCustomer(snapshot.summaries(to));

        List<String> segmentLabels = new ArrayList<>(model.definition().names());
        segmentLabels.add(NO_ORDER);
        List<String> cellLabels = new ArrayList<>();
        for (RfmCell cell : RfmCell.values()) {
            cellLabels.add(cell.label());
        }
        cellLabels.add(NO_ORDER);
        long[][] segments = new long[segmentLabels.size()][segmentLabels.size()];
        long[][] cells = new long[cellLabels.size()][cellLabels.size()];
        for (long customerId : after.keySet()) {
            PurchaseSummary was = before.get(customerId);
            PurchaseSummary is = after.get(customerId);
            segments[segmentIndex(model, was, from)][segmentIndex(model, is, to)]++;
            cells[cellIndex(quintiles, was, from)][cellIndex(quintiles, is, to)]++;
        }
        return new TransitionsView(model.id(), from, to, new TransitionMatrix(segmentLabels, segments),
                new TransitionMatrix(cellLabels, cells));
    }

    /** The centroid index of the customer's segment, or the last index without an order. */
    private static int segmentIndex(ActiveModel model, PurchaseSummary summary, LocalDateTime at) {
        if (summary == null || !summary.segmentable()) {
            return model.definition().segmentIds().length;
        }
        return model.definition().indexOf(model.assign(summary, at).segmentId());
    }

    private static int cellIndex(RfmQuintiles quintiles, PurchaseSummary summary, LocalDateTime at) {
        RfmScores scores = summary == null ? null : quintiles.score(summary, at);
        return scores == null ? RfmCell.values().length : scores.cell().ordinal();
    }

    private static Map<Long, PurchaseSummary> byCustomer(List<PurchaseSummary> summaries) {
        return summaries.stream().collect(Collectors.toMap(PurchaseSummary::customerId, Function.identity()));
    }

    private static String nameOf(ModelDefinition definition, int segmentId) {
        int index = definition.indexOf(segmentId);
        return index < 0 ? null : definition.names().get(index);
    }

    @FunctionalInterface
    private interface SquareCounter {
        void add(int segmentId, int recency, int frequencyMonetary, long customers);
    }

    private ActiveModel active() {
        return models.current().orElseThrow(() -> new NotFoundException("no segmentation model has been trained yet"));
    }

    private static RfmQuintiles quintilesOf(ActiveModel model) {
        return Optional.ofNullable(model.definition().rfm())
                .orElseThrow(() -> new NotFoundException("the active model was trained before the RFM map existed; train a new one"));
    }
}
