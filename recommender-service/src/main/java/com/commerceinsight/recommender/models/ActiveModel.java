package com.commerceinsight.recommender.models;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import com.commerceinsight.orderevents.jdbc.InLists;
import com.commerceinsight.recommender.foldin.CustomerFoldIn;
import com.commerceinsight.recommender.foldin.FoldInCodec;
import com.commerceinsight.recommender.problem.NoActiveModelException;
import com.commerceinsight.recommender.scoring.ServingModel;
import com.commerceinsight.recommender.signals.CommerceSignalReader;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
    /**
     * Fold-in rows are read with this overlap: a row carries the time its batch wrote it, which commits later, and
     * replicas' clocks differ a little.
     */
    private static final long OVERLAP_SECONDS = 10;

    private final CommerceSignalReader commerce;
    /** This process among the replicas: the fold-in rows it writes carry it, and it does not read them back. */
    private final String replica = UUID.randomUUID().toString();
    private volatile ServingModel current;
    /** When this replica last read the current version's fold-in rows (its clock, UTC); null before a first look. */
    private volatile LocalDateTime foldInsLookedAt;
    /**
     * The purchase lines of each other replica's row this replica read for the current version. A row's lines only
     * grow, and equal lines mean an equal row, so a row seen again in the overlap is not read again.
     */
    private final Map<Long, Integer> linesReadBack = new ConcurrentHashMap<>();
    private final Counter rowsReadBack;

    public ActiveModel(CommerceSignalReader commerce, MeterRegistry metrics) {
        this.commerce = commerce;
        this.rowsReadBack = Counter.builder("recommender.fold_in.rows_read")
                .description("Fold-in rows this replica read from the database into its memory").register(metrics);
    }

    /** The served model, or a 503 problem when none is active. */
    public ServingModel require() {
        ServingModel model = current;
        if (model == null) {
            throw new NoActiveModelException();
        }
        return model;
    }

    /** This process's name on the fold-in rows it writes. */
    public String replica() {
        return replica;
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
        foldInsLookedAt = null;
        linesReadBack.clear();
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
            ServingModel before = current;
            if (serving(activeId) == before) { // the same version: only the rows folded in since the last look
                readFoldIns(before);
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not refresh the active model: %s", e.getMessage());
        }
    }

    /** Decodes a stored version (with the products' categories) without serving it; 404 when there is none. */
    public ServingModel load(String id) {
        byte[] bytes = QuarkusTransaction.requiringNew().call(() -> ModelVersion.<ModelVersion>findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("no model version " + id)).modelBytes);
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
        LocalDateTime since = foldInsLookedAt;
        foldInsLookedAt = LocalDateTime.now(ZoneOffset.UTC);
        // All of them at the first look at a version; then those another replica wrote since the last look (this
        // replica published its own as they committed), keys first, so that a row met again in the overlap is not
        // read again. The first look used to ask for the rows after LocalDateTime.MIN, which as a parameter matched
        // none: a replica served no fold-in of another, nor its own from before a restart.
        List<CustomerFoldIn> rows = QuarkusTransaction.requiringNew().call(() -> since == null
                ? CustomerFoldIn.<CustomerFoldIn>list("modelVersionId", model.versionId())
                : changedRowsOfOthers(model.versionId(), since.minusSeconds(OVERLAP_SECONDS)));
        for (CustomerFoldIn row : rows) {
            model.publish(row.customerId, FoldInCodec.decode(row));
            linesReadBack.put(row.customerId, row.purchaseLines);
        }
        rowsReadBack.increment(rows.size());
    }

    private List<CustomerFoldIn> changedRowsOfOthers(String versionId, LocalDateTime since) {
        List<Long> changed = CustomerFoldIn.getEntityManager().createQuery("select c.customerId, c.purchaseLines from"
                + " CustomerFoldIn c where c.modelVersionId = ?1 and c.updatedAt > ?2 and c.writtenBy <> ?3", Object[].class)
                .setParameter(1, versionId).setParameter(2, since).setParameter(3, replica).getResultStream()
                .filter(key -> !Objects.equals(linesReadBack.get((Long) key[0]), key[1]))
                .map(key -> (Long) key[0]).toList();
        List<CustomerFoldIn> rows = new ArrayList<>();
        for (List<Long> chunk : InLists.chunks(changed)) {
            rows.addAll(CustomerFoldIn.<CustomerFoldIn>list("modelVersionId = ?1 and customerId in ?2", versionId, chunk));
        }
        return rows;
    }
}
