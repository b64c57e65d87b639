package com.commerceinsight.analytics.analyses.products;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.PageRequest;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.analyses.sales.SalesQueries;
import com.commerceinsight.analytics.paging.Page;

/** Product analyses: best sellers by units (2), stock below a threshold (4) and average rating (6). */
@ApplicationScoped
public class ProductQueries {

    private final EntityManager em;
    private final SalesQueries sales;

    public ProductQueries(EntityManager em, SalesQueries sales) {
        this.em = em;
        this.sales = sales;
    }

    /**
     * Products by units sold, most first (ties: more revenue, then lower id); the page size is the N of "top N". Without
     * an order filter and with a date range (if any) holding every sale, the figures are the kept per-product counts;
     * otherwise they are summed from the order lines under the filters.
     */
    public Page<ProductSales> topSelling(AnalysisRequest request) {
        return sales.wholeHistoryAnswers(request) ? topSellingOfWholeHistory(request) : topSellingCounted(request);
    }

    private Page<ProductSales> topSellingOfWholeHistory(AnalysisRequest request) {
        HqlConditions where = SalesScope.products(request);
        String from = " from ProductSaleCount c join Product p on p.id = c.productId where " + where.hql();
        PageRequest page = request.pageRequest();
        List<ProductSales> items = where.bind(em.createQuery("select p.id, p.name, p.sku, c.units, c.revenue, c.orders" + from
                        + " order by c.units desc, c.revenue desc, p.id", Object[].class))
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(ProductQueries::productSales)
                .toList();
        long total = where.bind(em.createQuery("select count(c)" + from, Long.class)).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private Page<ProductSales> topSellingCounted(AnalysisRequest request) {
        HqlConditions where = SalesScope.sales(request).addIfSet(SalesScope.categoryOf("p"), "categoryId", request.categoryId);
        String from = " from OrderLine l join l.order o join Product p on p.id = l.productId where " + where.hql();
        PageRequest page = request.pageRequest();
        List<ProductSales> items = where.bind(em.createQuery("select p.id, p.name, p.sku, sum(l.quantity), sum(l.quantity * l.unitPrice), "
                        + "count(distinct o.id)" + from + " group by p.id, p.name, p.sku "
                        + "order by sum(l.quantity) desc, sum(l.quantity * l.unitPrice) desc, p.id", Object[].class))
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(ProductQueries::productSales)
                .toList();
        long total = where.bind(em.createQuery("select count(distinct p.id)" + from, Long.class)).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static ProductSales productSales(Object[] r) {
        return new ProductSales((Long) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                ((BigDecimal) r[4]).setScale(2, RoundingMode.HALF_UP), ((Number) r[5]).longValue());
    }

    /** Products whose stock is strictly below the threshold, lowest stock first; products without a stock figure are left out. */
    public Page<LowStockProduct> lowStock(AnalysisRequest request, int threshold) {
        HqlConditions where = SalesScope.products(request).addIfSet("p.stockQuantity < :threshold", "threshold", threshold);
        PageRequest page = request.pageRequest();
        List<LowStockProduct> items = where.bind(em.createQuery("select p.id, p.name, p.sku, p.categoryId, p.stockQuantity "
                        + "from Product p where " + where.hql() + " order by p.stockQuantity, p.id", Object[].class))
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(r -> new LowStockProduct((Long) r[0], (String) r[1], (String) r[2], (Long) r[3], (Integer) r[4]))
                .toList();
        long total = where.bind(em.createQuery("select count(p) from Product p where " + where.hql(), Long.class)).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * Average rating per reviewed product, best first (ties: more reviews, then lower id), from the kept per-product
     * review counts and rating sums ({@link ProductRatingRows}). The sum is cast to a floating type before dividing, where
     * an integer AVG (SQL Server's for an integer column) would truncate.
     */
    public Page<ProductRating> ratings(AnalysisRequest request, int minReviews) {
        HqlConditions where = SalesScope.products(request).add("r.reviews >= :minReviews");
        String from = " from ProductRatingTotal r join Product p on p.id = r.productId where " + where.hql();
        PageRequest page = request.pageRequest();
        List<ProductRating> items = where.bind(em.createQuery("select p.id, p.name, cast(r.ratingTotal as Double) / r.reviews, r.reviews" + from
                        + " order by cast(r.ratingTotal as Double) / r.reviews desc, r.reviews desc, p.id", Object[].class))
                .setParameter("minReviews", (long) minReviews)
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(r -> new ProductRating((Long) r[0], (String) r[1], ((Number) r[2]).doubleValue(), ((Number) r[3]).longValue()))
                .toList();
        long total = where.bind(em.createQuery("select count(r)" + from, Long.class))
                .setParameter("minReviews", (long) minReviews).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
