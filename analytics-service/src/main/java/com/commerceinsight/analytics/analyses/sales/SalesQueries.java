package com.commerceinsight.analytics.analyses.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.Granularity;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.SalesScope;

/** Total sales and sales per period (analysis 1), average order value, growth and running totals. */
@ApplicationScoped
public class SalesQueries {

    private final EntityManager em;

    public SalesQueries(EntityManager em) {
        this.em = em;
    }

    public SalesTotals totals(AnalysisRequest request) {
        HqlConditions where = SalesScope.sales(request);
        Object[] row = where.bind(em.createQuery("select count(o), sum(o.totalAmount) from CustomerOrder o where "
                + where.hql(), Object[].class)).getSingleResult();
        long orders = ((Number) row[0]).longValue();
        BigDecimal revenue = row[1] == null ? BigDecimal.ZERO.setScale(2) : ((BigDecimal) row[1]).setScale(2, RoundingMode.HALF_UP);
        return new SalesTotals(orders, revenue, SalesSeries.averageOrderValue(revenue, orders));
    }

    /** Every period from the request's first to last day (or the first to the last day with sales), empty ones included. */
    public List<PeriodSales> byPeriod(AnalysisRequest request, Granularity granularity) {
        return SalesSeries.of(dailySales(request), granularity, request.from, request.to);
    }

    public List<DailySales> dailySales(AnalysisRequest request) {
        HqlConditions where = SalesScope.sales(request);
        return where.bind(em.createQuery("select cast(o.orderedAt as LocalDate), count(o), sum(o.totalAmount) from CustomerOrder o where "
                        + where.hql() + " group by cast(o.orderedAt as LocalDate)", Object[].class))
                .getResultList().stream()
                .map(r -> new DailySales((LocalDate) r[0], ((Number) r[1]).longValue(), (BigDecimal) r[2]))
                .toList();
    }
}
