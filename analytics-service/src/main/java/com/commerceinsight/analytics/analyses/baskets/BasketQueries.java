package com.commerceinsight.analytics.analyses.baskets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.PageRequest;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.paging.Page;

/** Co-purchase analyses over sales orders: wishlist-driven suggestions (8) and products bought together (11). */
@ApplicationScoped
public class BasketQueries {

    private final EntityManager em;

    public BasketQueries(EntityManager em) {
        this.em = em;
    }

    /** Wishlisted products, most wishlisted first (ties: lower id), each with its top co-bought products. */
    public Page<WishlistSuggestions> wishlistSuggestions(AnalysisRequest request, int perProduct) {
        PageRequest page = request.pageRequest();
        List<Object[]> wished = em.createQuery("select p.id, p.name, count(w) from WishlistEntry w join Product p on p.id = w.productId "
                + "group by p.id, p.name order by count(w) desc, p.id", Object[].class)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em.createQuery("select count(distinct w.productId) from WishlistEntry w", Long.class).getSingleResult();
        Map<Long, WishlistSuggestions> suggestions = new LinkedHashMap<>();
        for (Object[] row : wished) {
            suggestions.put((Long) row[0], new WishlistSuggestions((Long) row[0], (String) row[1], ((Number) row[2]).longValue(), new ArrayList<>()));
        }
        if (!suggestions.isEmpty()) {
            HqlConditions where = SalesScope.sales(request).add("a.productId in :wished");
            where.bind(em.createQuery("select t.wished, t.other, t.orders from ("
                            + "select a.productId as wished, b.productId as other, count(distinct o.id) as orders, "
                            + "row_number() over (partition by a.productId order by count(distinct o.id) desc, b.productId) as rn "
                            + "from OrderLine a join a.order o join OrderLine b on b.order = o and b.productId <> a.productId where "
                            + where.hql() + " group by a.productId, b.productId) t where t.rn <= :top order by t.wished, t.rn", Object[].class))
                    .setParameter("wished", suggestions.keySet()).setParameter("top", (long) perProduct).getResultList()
                    .forEach(r -> suggestions.get((Long) r[0]).boughtWith()
                            .add(new WishlistSuggestions.CoPurchase((Long) r[1], ((Number) r[2]).longValue())));
        }
        return new Page<>(List.copyOf(suggestions.values()), page.page(), page.size(), total);
    }

    /** Pairs bought together in at least minOrders sales orders, most frequent first (ties: lower ids). */
    public Page<ProductPair> boughtTogether(AnalysisRequest request, int minOrders) {
        HqlConditions where = SalesScope.sales(request);
        long orders = where.bind(em.createQuery("select count(o) from CustomerOrder o where " + where.hql(), Long.class)).getSingleResult();
        Map<Long, Long> ordersWith = new HashMap<>();
        where.bind(em.createQuery("select l.productId, count(distinct o.id) from OrderLine l join l.order o where " + where.hql()
                        + " group by l.productId", Object[].class)).getResultList()
                .forEach(r -> ordersWith.put((Long) r[0], ((Number) r[1]).longValue()));
        List<ProductPair> pairs = where.bind(em.createQuery("select a.productId, b.productId, count(distinct o.id) "
                        + "from OrderLine a join a.order o join OrderLine b on b.order = o and b.productId > a.productId where " + where.hql()
                        + " group by a.productId, b.productId having count(distinct o.id) >= :minOrders "
                        + "order by count(distinct o.id) desc, a.productId, b.productId", Object[].class))
                .setParameter("minOrders", (long) minOrders).getResultList().stream()
                .map(r -> pair((Long) r[0], (Long) r[1], ((Number) r[2]).longValue(), orders, ordersWith))
                .toList();
        return request.pageRequest().of(pairs);
    }

    private static ProductPair pair(long a, long b, long together, long orders, Map<Long, Long> ordersWith) {
        double withA = ordersWith.get(a);
        double withB = ordersWith.get(b);
        double support = (double) together / orders;
        return new ProductPair(a, b, together, support, together / withA, together / withB, support / ((withA / orders) * (withB / orders)));
    }
}
