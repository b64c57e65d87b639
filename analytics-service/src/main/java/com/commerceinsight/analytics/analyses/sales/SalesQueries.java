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
import com.commerceinsight.analytics.limits.SeriesLimits;

/** Total sales and sales per period (analysis 1), average order value, growth and running totals. */
@ApplicationScoped
public class SalesQueries {

    private final EntityManager em;
    private final SeriesLimits limits;

    public SalesQueries(EntityManager em, SeriesLimits limits) {
        this.em = em;
        this.limits = limits;
    }

    /** Filtered by dates only, the sum of the days' kept counts; otherwise counted from the orders. */
    public SalesTotals totals(AnalysisRequest request) {
        Object[] row;
        if (request.filtersSalesByDateOnly()) {
            HqlConditions days = daysOf(request);
            row = days.bind(em.createQuery("select sum(d.orders), sum(d.revenue) from SalesDay d where " + days.hql(), Object[].class))
                    .getSingleResult();
        } else {
            HqlConditions where = SalesScope.sales(request);
            row = where.bind(em.createQuery("select count(o), sum(o.totalAmount) from CustomerOrder o where "
                    + where.hql(), Object[].class)).getSingleResult();
        }
        long orders = row[0] == null ? 0 : ((Number) row[0]).longValue();
        BigDecimal revenue = row[1] == null ? BigDecimal.ZERO.setScale(2) : ((BigDecimal) row[1]).setScale(2, RoundingMode.HALF_UP);
        return new SalesTotals(orders, revenue, SalesSeries.averageOrderValue(revenue, orders));
    }

    /** Every period from the request's first to last day (or the first to the last day with sales), empty ones included. */
    public List<PeriodSales> byPeriod(AnalysisRequest request, Granularity granularity) {
        limits.requireSeriesSpan(request.from, request.to, granularity.step(), "granularity");
        List<DailySales> days = dailySales(request);
        limits.requireSeriesSpan(request.from, request.to, days.stream().map(DailySales::day).toList(), granularity.step(), "granularity");
        return SalesSeries.of(days, granularity, request.from, request.to);
    }

    /** Days with sales, read from the kept day rows when the request filters by dates only. */
    public List<DailySales> dailySales(AnalysisRequest request) {
        if (request.filtersSalesByDateOnly()) {
            HqlConditions days = daysOf(request);
            return days.bind(em.createQuery("select d.day, d.orders, d.revenue from SalesDay d where " + days.hql()
                            + " order by d.day", Object[].class)).getResultList().stream()
                    .map(r -> new DailySales((LocalDate) r[0], ((Number) r[1]).longValue(), (BigDecimal) r[2]))
                    .toList();
        }
        HqlConditions where = SalesScope.sales(request);
        return where.bind(em.createQuery("select cast(o.orderedAt as LocalDate), count(o), sum(o.totalAmount) from CustomerOrder o where "
                        + where.hql() + " group by cast(o.orderedAt as LocalDate)", Object[].class))
                .getResultList().stream()
                .map(r -> new DailySales((LocalDate) r[0], ((Number) r[1]).longValue(), (BigDecimal) r[2]))
                .toList();
    }

    /**
     * Whether counts kept over the whole history of the sales answer the request: no order filter but dates, and a
     * date range (if any) holding every sale. The page and the category, which such counts can still apply, do not matter.
     */
    public boolean wholeHistoryAnswers(AnalysisRequest request) {
        return request.filtersSalesByDateOnly() && holdsEverySale(request);
    }

    /**
     * Whether the request's date range holds every sale (read from both ends of the day rows), so that counts kept over
     * the whole history answer it.
     */
    public boolean holdsEverySale(AnalysisRequest request) {
        if (request.from == null && request.to == null) {
            return true;
        }
        Object[] span = em.createQuery("select min(d.day), max(d.day) from SalesDay d", Object[].class).getSingleResult();
        return span[0] == null || (request.from == null || !request.from.isAfter((LocalDate) span[0]))
                && (request.to == null || !request.to.isBefore((LocalDate) span[1]));
    }

    /** The day rows (alias {@code d}) of the request's date range. */
    public static HqlConditions daysOf(AnalysisRequest request) {
        return new HqlConditions().addIfSet("d.day >= :fromDay", "fromDay", request.from).addIfSet("d.day <= :toDay", "toDay", request.to);
    }
}
