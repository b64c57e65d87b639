package com.commerceinsight.analytics.analyses.discounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.analyses.sales.SalesQueries;

/** Discount use by sales (5) and the coverage of the discount codes (the original's figure, named for what it is). */
@ApplicationScoped
public class DiscountQueries {

    private final EntityManager em;

    public DiscountQueries(EntityManager em) {
        this.em = em;
    }

    /**
     * Filtered by dates only, the sums of the kept day rows; otherwise two counts from the orders (rather than
     * SUM(CASE WHEN EXISTS ...): SQL Server allows no subquery inside an aggregate).
     */
    public DiscountUsage usage(AnalysisRequest request) {
        if (request.filtersSalesByDateOnly()) {
            HqlConditions days = SalesQueries.daysOf(request);
            Object[] row = days.bind(em.createQuery("select sum(d.orders), sum(d.discountedOrders) from SalesDay d where " + days.hql(),
                    Object[].class)).getSingleResult();
            long orders = row[0] == null ? 0 : ((Number) row[0]).longValue();
            long discounted = row[1] == null ? 0 : ((Number) row[1]).longValue();
            return new DiscountUsage(orders, discounted, orders == 0 ? null : (double) discounted / orders);
        }
        HqlConditions where = SalesScope.sales(request);
        long orders = where.bind(em.createQuery("select count(o) from CustomerOrder o where " + where.hql(), Long.class)).getSingleResult();
        long discounted = where.bind(em.createQuery("select count(o) from CustomerOrder o where " + where.hql()
                + " and exists (select 1 from OrderLine l join Product p on p.id = l.productId join DiscountCode d "
                + "on (d.productId = l.productId or d.categoryId = p.categoryId) and d.startsAt <= o.orderedAt and d.endsAt > o.orderedAt "
                + "where l.order = o)", Long.class)).getSingleResult();
        return new DiscountUsage(orders, discounted, orders == 0 ? null : (double) discounted / orders);
    }

    public DiscountCoverage coverage() {
        Object[] row = em.createQuery("select count(d), count(d.productId), count(d.categoryId), "
                + "sum(case when d.productId is null and d.categoryId is null then 1 else 0 end) from DiscountCode d", Object[].class)
                .getSingleResult();
        long codes = ((Number) row[0]).longValue();
        long product = ((Number) row[1]).longValue();
        return new DiscountCoverage(codes, product, ((Number) row[2]).longValue(), row[3] == null ? 0 : ((Number) row[3]).longValue(),
                codes == 0 ? null : (double) product / codes);
    }
}
