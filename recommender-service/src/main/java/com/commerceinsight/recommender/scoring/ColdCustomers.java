package com.commerceinsight.recommender.scoring;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.recommender.activity.CustomerItem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What the cold path knows of a customer the model has no vector for: the model columns of the products they bought,
 * from the order events this service keeps ({@link CustomerItem}). Cached per customer and model version (bounded,
 * {@code recommender.serving.cold-customers-cached}), so a repeated request for a cold customer reads no database.
 * The cached set does not go stale in a way that matters: a later purchase of a product the model knows is folded
 * in, which moves the customer to the ALS path, and a product the model does not know has no column. Only a late
 * event for an order older than the model's data (not folded in) is missed, until the next model version.
 */
@ApplicationScoped
public class ColdCustomers {

    private record Bought(String modelVersionId, int[] columns) {
    }

    private final Cache<Long, Bought> bought;

    public ColdCustomers(ServingConfig config) {
        this.bought = Caffeine.newBuilder().maximumSize(config.coldCustomersCached()).build();
    }

    /** The customer's bought columns (sorted) if cached for this model version, else null: {@link #read} them. */
    public int[] cached(ServingModel model, long customerId) {
        Bought entry = bought.getIfPresent(customerId);
        return entry != null && entry.modelVersionId().equals(model.versionId()) ? entry.columns() : null;
    }

    /** Reads the customer's bought columns from the database (blocking) and caches them. */
    public int[] read(ServingModel model, long customerId) {
        List<Long> products = QuarkusTransaction.requiringNew().call(() -> CustomerItem.getEntityManager()
                .createQuery("select i.productId from CustomerItem i where i.customerId = ?1", Long.class)
                .setParameter(1, customerId).getResultList());
        int[] columns = products.stream().mapToInt(model::productColumn).filter(c -> c >= 0).sorted().distinct().toArray();
        bought.put(customerId, new Bought(model.versionId(), columns));
        return columns;
    }
}
