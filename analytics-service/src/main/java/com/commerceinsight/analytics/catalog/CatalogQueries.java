package com.commerceinsight.analytics.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reads categories and products for {@link CatalogResource}. */
@ApplicationScoped
public class CatalogQueries {

    /** The most products one look-up names (a page of recommendations or similar products is at most 100). */
    static final int MAX_IDS = 100;

    private final EntityManager em;

    public CatalogQueries(EntityManager em) {
        this.em = em;
    }

    public List<CatalogCategory> categories() {
        return em.createQuery("select new com.commerceinsight.analytics.catalog.CatalogCategory(c.id, c.name, c.parentId) "
                + "from Category c order by c.name, c.id", CatalogCategory.class).getResultList();
    }

    /** The products among ids that exist, in the order of ids. */
    public List<CatalogProduct> products(List<Long> ids) {
        Map<Long, CatalogProduct> found = em.createQuery("select new com.commerceinsight.analytics.catalog.CatalogProduct("
                        + "p.id, p.name, p.sku, p.categoryId, c.name, p.price, p.stockQuantity) "
                        + "from Product p left join Category c on c.id = p.categoryId where p.id in :ids", CatalogProduct.class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(CatalogProduct::id, Function.identity()));
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
