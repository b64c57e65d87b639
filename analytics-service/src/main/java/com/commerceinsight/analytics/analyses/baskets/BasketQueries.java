package com.commerceinsight.analytics.analyses.baskets;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.PageRequest;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.analyses.sales.SalesQueries;
import com.commerceinsight.analytics.paging.Page;

/**
 * Co-purchase analyses over sales orders: wishlist-driven suggestions (8) and products bought together (11). Without
 * an order filter (or with a date range holding every sale) both read the counts kept per product and pair
 * ({@link PairCountRows}); an order filter (dates, customer country or state, status, payment method) selects orders
 * those counts cannot tell apart, so the pairs are then counted from the order lines under the filter.
 */
@ApplicationScoped
public class BasketQueries {

    private final EntityManager em;
    private final SalesQueries sales;

    public BasketQueries(EntityManager em, SalesQueries sales) {
        this.em = em;
        this.sales = sales;
    }

    /** Wishlisted products, most wishlisted first (ties: lower id), each with its top co-bought products. */
    public Page<WishlistSuggestions> wishlistSuggestions(AnalysisRequest request, int perProduct) {
        PageRequest page = request.pageRequest();
        // The kept counts per product (rebuilt after every bulk load, the only writer of wishlists), in the order of
        // ix_product_wishlist_count_wishes, rather than every wishlist entry grouped.
        List<Object[]> wished = em.createQuery("select c.productId, p.name, c.wishes from ProductWishlistCount c join Product p "
                        + "on p.id = c.productId order by c.wishes desc, c.productId", Object[].class)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em.createQuery("select count(c) from ProductWishlistCount c", Long.class).getSingleResult();
        Map<Long, WishlistSuggestions> suggestions = new LinkedHashMap<>();
        for (Object[] row : wished) {
            suggestions.put((Long) row[0], new WishlistSuggestions((Long) row[0], (String) row[1], ((Number) row[2]).longValue(), new ArrayList<>()));
        }
        if (!suggestions.isEmpty() && sales.wholeHistoryAnswers(request)) {
            addCountedCoPurchases(suggestions, perProduct);
        } else if (!suggestions.isEmpty()) {
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

    /**
     * Each wishlisted product's top co-bought products from the pair counts: the few pairs with the most orders naming it
     * on each side (a pair names its lower id first), each read from the head of ix_product_pair_sales_a_orders or
     * _b_orders, merged here. Loading every pair of the wished products instead took 300 ms at a million orders: a
     * popular product pairs with thousands of others.
     */
    private void addCountedCoPurchases(Map<Long, WishlistSuggestions> suggestions, int perProduct) {
        Comparator<WishlistSuggestions.CoPurchase> mostOrdersFirst = Comparator.comparingLong((WishlistSuggestions.CoPurchase c) -> -c.orders())
                .thenComparingLong(WishlistSuggestions.CoPurchase::productId);
        suggestions.forEach((wished, suggestion) -> {
            List<WishlistSuggestions.CoPurchase> both = new ArrayList<>(topPairs(wished, "productA", "productB", perProduct));
            both.addAll(topPairs(wished, "productB", "productA", perProduct));
            both.stream().sorted(mostOrdersFirst).limit(perProduct).forEach(suggestion.boughtWith()::add);
        });
    }

    /** The product's pairs with the most orders where it is on the given side (ordered by the side's index). */
    private List<WishlistSuggestions.CoPurchase> topPairs(long product, String side, String other, int top) {
        return em.createQuery("select p." + other + ", p.orders from ProductPairCount p where p." + side + " = :product "
                        + "order by p." + side + ", p.orders desc, p." + other, Object[].class)
                .setParameter("product", product).setMaxResults(top).getResultStream()
                .map(r -> new WishlistSuggestions.CoPurchase((Long) r[0], ((Number) r[1]).longValue())).toList();
    }

    /** Pairs bought together in at least minOrders sales orders, most frequent first (ties: lower ids). */
    public Page<ProductPair> boughtTogether(AnalysisRequest request, int minOrders) {
        return sales.wholeHistoryAnswers(request) ? countedPairs(request.pageRequest(), minOrders) : pairsUnderFilter(request, minOrders);
    }

    /** The page read from the pair counts in the order of ix_product_pair_sales_orders, N and the products' counts beside. */
    private Page<ProductPair> countedPairs(PageRequest page, int minOrders) {
        long orders = em.createQuery("select count(s) from BasketSale s", Long.class).getSingleResult();
        List<ProductPairCount> rows = em.createQuery("from ProductPairCount p where p.orders >= :minOrders "
                        + "order by p.orders desc, p.productA, p.productB", ProductPairCount.class)
                .setParameter("minOrders", (long) minOrders)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = em.createQuery("select count(p) from ProductPairCount p where p.orders >= :minOrders", Long.class)
                .setParameter("minOrders", (long) minOrders).getSingleResult();
        Map<Long, Long> ordersWith = new HashMap<>();
        Set<Long> products = new HashSet<>();
        rows.forEach(p -> {
            products.add(p.productA);
            products.add(p.productB);
        });
        if (!products.isEmpty()) {
            em.createQuery("from ProductSaleCount c where c.productId in :products", ProductSaleCount.class)
                    .setParameter("products", products).getResultList()
                    .forEach(c -> ordersWith.put(c.productId, c.orders));
        }
        List<ProductPair> items = rows.stream().map(p -> pair(p.productA, p.productB, p.orders, orders, ordersWith)).toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private Page<ProductPair> pairsUnderFilter(AnalysisRequest request, int minOrders) {
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
