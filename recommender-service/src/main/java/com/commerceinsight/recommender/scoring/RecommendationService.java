package com.commerceinsight.recommender.scoring;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import com.commerceinsight.recommender.models.ActiveModel;

/**
 * Answers from the in-memory active model: ALS lists for customers it knows (trained or folded in), popularity for
 * the others (within the categories they bought from, when the service has seen their orders), similar products
 * from item-item. Only the first request for a cold customer under a model version reads the database.
 */
@ApplicationScoped
public class RecommendationService {

    private final ActiveModel active;
    private final ServingConfig config;
    private final ColdCustomers coldCustomers;

    public RecommendationService(ActiveModel active, ServingConfig config, ColdCustomers coldCustomers) {
        this.active = active;
        this.config = config;
        this.coldCustomers = coldCustomers;
    }

    /** The customer's list, reading the database for a cold customer not cached yet (blocking). */
    public RecommendationList forCustomer(long customerId, int k, Long categoryId, boolean includeBought) {
        RecommendationList fromMemory = fromMemory(customerId, k, categoryId, includeBought);
        if (fromMemory != null) {
            return fromMemory;
        }
        ServingModel model = active.require();
        return coldStart(model, customerId, coldCustomers.read(model, customerId), k, categoryId, includeBought);
    }

    /**
     * The customer's list when the answer needs no database (every known customer, and cold customers already
     * cached), else null. Never blocks, so it may run on an event-loop thread.
     */
    public RecommendationList fromMemory(long customerId, int k, Long categoryId, boolean includeBought) {
        ServingModel model = active.require();
        CustomerRow row = model.customer(customerId);
        if (row != null && row.products().length > 0) {
            return new RecommendationList(customerId, model.versionId(), "als",
                    ranked(model, model.recommend(row, k, categoryId, includeBought, config.reasons())));
        }
        int[] bought = coldCustomers.cached(model, customerId);
        return bought == null ? null : coldStart(model, customerId, bought, k, categoryId, includeBought);
    }

    /** Popular products, within the categories of what the customer bought when known. */
    private static RecommendationList coldStart(ServingModel model, long customerId, int[] bought, int k, Long categoryId,
            boolean includeBought) {
        Set<Long> categories = categoryId != null ? Set.of(categoryId)
                : Arrays.stream(bought).mapToObj(model::categoryOf).filter(Objects::nonNull).collect(Collectors.toSet());
        int[] excluded = includeBought ? new int[0] : bought;
        List<ScoredProduct> list = model.popular(k, categories, excluded);
        String source = categories.isEmpty() ? "popular" : "popular-in-categories";
        if (list.isEmpty() && categoryId == null) {
            list = model.popular(k, Set.of(), excluded);
            source = "popular";
        }
        return new RecommendationList(customerId, model.versionId(), source, ranked(model, list));
    }

    public SimilarProducts similarTo(long productId, int k, Long categoryId) {
        ServingModel model = active.require();
        int column = model.productColumn(productId);
        if (column < 0) {
            throw new NotFoundException("product " + productId + " is not known to the active model");
        }
        return new SimilarProducts(productId, model.versionId(), ranked(model, model.similar(column, k, categoryId)));
    }

    private static List<RankedProduct> ranked(ServingModel model, List<ScoredProduct> list) {
        return list.stream().map(p -> {
            List<RankedProduct.Reason> reasons = new java.util.ArrayList<>(p.reasons().length);
            for (int r = 0; r < p.reasons().length; r++) {
                reasons.add(new RankedProduct.Reason(model.productId(p.reasons()[r]), p.contributions()[r]));
            }
            return new RankedProduct(model.productId(p.product()), model.categoryOf(p.product()), p.score(), reasons);
        }).toList();
    }
}
