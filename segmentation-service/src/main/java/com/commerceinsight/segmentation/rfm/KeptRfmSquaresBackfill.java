package com.commerceinsight.segmentation.rfm;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import com.commerceinsight.segmentation.scoring.ActiveModel;
import com.commerceinsight.segmentation.scoring.ActiveModels;
import com.commerceinsight.segmentation.scoring.CustomerSegment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.runtime.StartupEvent;

/**
 * Once after start, in the background: gives the active model's customers assessed before squares of the RFM map were
 * kept their square, a thousand rows a transaction in id order, so that the map counts them in the database too. Until
 * it is done the map scores those rows as it reads them, so its answer is the same either way.
 */
@ApplicationScoped
public class KeptRfmSquaresBackfill {

    private static final Logger LOG = Logger.getLogger(KeptRfmSquaresBackfill.class);
    private static final int BATCH = 1_000;

    private final ActiveModels models;

    public KeptRfmSquaresBackfill(ActiveModels models) {
        this.models = models;
    }

    void onStart(@Observes StartupEvent start) {
        Thread backfill = new Thread(this::fill, "rfm-squares-backfill");
        backfill.setDaemon(true);
        backfill.start();
    }

    /** Fills the missing squares of the active model's rows; returns how many rows it gave one. */
    public long fill() {
        long filled = 0;
        long after = Long.MIN_VALUE;
        try {
            Optional<ActiveModel> active = QuarkusTransaction.requiringNew().call(models::current);
            if (active.isEmpty() || active.get().definition().rfm() == null) {
                return 0;
            }
            ActiveModel model = active.get();
            while (true) {
                long from = after;
                List<CustomerSegment> batch = QuarkusTransaction.requiringNew().call(() -> {
                    List<CustomerSegment> rows = CustomerSegment.<CustomerSegment>find("segmentId is not null and rfmRecency is null"
                            + " and modelId = ?1 and customerId > ?2", Sort.ascending("customerId"), model.id(), from).page(0, BATCH)
                            .withLock(LockModeType.PESSIMISTIC_WRITE).list(); // the whole row is written back: no batch in between
                    rows.forEach(row -> row.keepRfm(model.rfm(row.summary(), row.assessedAt)));
                    return rows;
                });
                if (batch.isEmpty()) {
                    break;
                }
                filled += batch.size();
                after = batch.get(batch.size() - 1).customerId;
            }
        } catch (RuntimeException e) {
            LOG.warnf("kept RFM squares: the backfill stopped after %,d rows (the map scores the rest as it reads them): %s", filled, e);
        }
        if (filled > 0) {
            LOG.infof("kept RFM squares: %,d customers of the active model given their square", filled);
        }
        return filled;
    }
}
