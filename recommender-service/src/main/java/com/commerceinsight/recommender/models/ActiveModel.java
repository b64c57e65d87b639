package com.commerceinsight.recommender.models;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.commerceinsight.recommender.foldin.CustomerFoldIn;
import com.commerceinsight.recommender.foldin.FoldInCodec;
import com.commerceinsight.recommender.problem.NoActiveModelException;
import com.commerceinsight.recommender.scoring.ServingModel;
import com.commerceinsight.recommender.signals.CommerceSignalReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The model version this replica serves from memory. Every replica polls the database for the active version (so
 * an activation reaches all of them within the refresh interval) and for customer rows folded in by other replicas.
 */
@ApplicationScoped
public class ActiveModel {

    private static final Logger LOG = Logger.getLogger(ActiveModel.class);
    /** Fold-in rows are re-read with this overlap: a row committed late may carry an earlier timestamp. */
    private static final long OVERLAP_SECONDS = 10;

    private final CommerceSignalReader commerce;
    private volatile ServingModel current;
    private volatile LocalDateTime foldInsSeen = LocalDateTime.MIN;

    public ActiveModel(CommerceSignalReader commerce) {
        this.commerce = commerce;
    }

    /** The served model, or a 503 problem when none is active. */
    public ServingModel require() {
        ServingModel model = current;
        if (model == null) {
            throw new NoActiveModelException();
        }
        return model;
    }

    /** The served model, or null. */
    public ServingModel current() {
        return current;
    }

    /**
     * The version with this id: the one served, or loaded and served from now on when this replica serves another. An
     * event batch folds into the version the database names active, before this replica's next refresh has loaded it.
     */
    public ServingModel serving(String versionId) {
        ServingModel model = current;
        if (model != null && model.versionId().equals(versionId)) {
            return model;
        }
        synchronized (this) {
            if (current == null || !current.versionId().equals(versionId)) {
                serve(load(versionId));
            }
            return current;
        }
    }

    /** Serves this version from now on, with the rows folded into it so far. */
    public synchronized void serve(ServingModel model) {
        current = model;
        foldInsSeen = LocalDateTime.MIN;
        readFoldIns(model);
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    @Scheduled(every = "${recommender.serving.refresh-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${recommender.serving.refresh-interval}")
    void scheduledRefresh() {
        refresh();
    }

    /** Loads the active version if it changed, then the fold-ins written since the last look. */
    public synchronized void refresh() {
        try {
            String activeId = QuarkusTransaction.requiringNew().call(() -> ModelVersion.getEntityManager()
                    .createQuery("select m.id from ModelVersion m where m.active = true", String.class)
                    .getResultStream().findFirst().orElse(null));
            if (activeId == null) {
                current = null;
                return;
            }
            if (current == null || !current.versionId().equals(activeId)) {
                serve(load(activeId));
            } else {
                readFoldIns(current);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not refresh the active model: %s", e.getMessage());
        }
    }

    /** Decodes a stored version (with the products' categories) without serving it. */
    public ServingModel load(String id) {
        byte[] bytes = QuarkusTransaction.requiringNew().call(() -> ModelVersion.<ModelVersion>findById(id).modelBytes);
        Map<Long, Long> categories;
        try {
            categories = commerce.productCategories();
        } catch (RuntimeException e) {
            LOG.warnf("serving model %s without product categories: %s", id, e.getMessage());
            categories = Map.of();
        }
        LOG.infof("serving recommender model %s", id);
        return new ServingModel(id, ModelCodec.decode(bytes), categories);
    }

    private void readFoldIns(ServingModel model) {
        // All of them when the version is new here, else those written since the last look, with an overlap. (The
        // first look used to ask for rows after LocalDateTime.MIN, which as a parameter matched none: a replica served
        // no fold-in of another, nor its own from before a restart.)
        List<CustomerFoldIn> rows = QuarkusTransaction.requiringNew().call(() -> foldInsSeen.equals(LocalDateTime.MIN)
                ? CustomerFoldIn.<CustomerFoldIn>list("modelVersionId", model.versionId())
                : CustomerFoldIn.<CustomerFoldIn>list("modelVersionId = ?1 and updatedAt > ?2", model.versionId(),
                        foldInsSeen.minusSeconds(OVERLAP_SECONDS)));
        for (CustomerFoldIn row : rows) {
            model.publish(row.customerId, FoldInCodec.decode(row));
            if (row.updatedAt.isAfter(foldInsSeen)) {
                foldInsSeen = row.updatedAt;
            }
        }
    }
}
