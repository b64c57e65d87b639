package com.commerceinsight.analytics.analyses.products;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.Granularity;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.KeptPeriods;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.catalog.Product;
import com.commerceinsight.analytics.limits.SeriesLimits;

/**
 * One product's sales per day, week or month (the Product page's chart), empty periods included. Under date filters
 * only, from the product's kept day and month rows ({@code product_period_sales}); under a customer, status, payment
 * or category filter, counted from its sales lines.
 */
@ApplicationScoped
public class ProductSalesSeries {

    private final EntityManager em;
    private final SeriesLimits limits;

    public ProductSalesSeries(EntityManager em, SeriesLimits limits) {
        this.em = em;
        this.limits = limits;
    }

    public boolean exists(long productId) {
        return em.find(Product.class, productId) != null;
    }

    /** Every period from the request's first to last day (or the product's first to last sale) under the filters. */
    public List<ProductPeriodSales> series(long productId, AnalysisRequest request, Granularity granularity) {
        limits.requireSeriesSpan(request.from, request.to, granularity.step(), "granularity");
        List<Object[]> days = request.filtersSalesByDateOnly() && request.categoryId == null
                ? keptPeriods(productId, request, granularity) : countedLines(productId, request);
        limits.requireSeriesSpan(request.from, request.to, days.stream().map(d -> (LocalDate) d[0]).toList(), granularity.step(), "granularity");
        TreeMap<LocalDate, ProductPeriodSales> periods = new TreeMap<>();
        for (Object[] day : days) {
            LocalDate period = granularity.periodStart((LocalDate) day[0]);
            periods.merge(period, new ProductPeriodSales(period, ((Number) day[1]).longValue(), ((Number) day[2]).longValue(),
                    (BigDecimal) day[3]), (a, b) -> new ProductPeriodSales(period, a.orders() + b.orders(), a.units() + b.units(),
                    a.revenue().add(b.revenue())));
        }
        LocalDate first = request.from != null ? granularity.periodStart(request.from) : periods.isEmpty() ? null : periods.firstKey();
        LocalDate last = request.to != null ? granularity.periodStart(request.to) : periods.isEmpty() ? null : periods.lastKey();
        List<ProductPeriodSales> series = new ArrayList<>();
        for (LocalDate period = first; period != null && last != null && !period.isAfter(last); period = granularity.next(period)) {
            ProductPeriodSales sales = periods.getOrDefault(period, new ProductPeriodSales(period, 0, 0, BigDecimal.ZERO));
            series.add(new ProductPeriodSales(period, sales.orders(), sales.units(), sales.revenue().setScale(2, RoundingMode.HALF_UP)));
        }
        return series;
    }

    /**
     * The product's kept rows (date filters only): a series in months adds up the month rows of the months wholly in
     * the range and the day rows at its edges, one in days or weeks the day rows; each row as (first day, orders, units,
     * revenue), grouped into the series' periods by the caller.
     */
    private List<Object[]> keptPeriods(long productId, AnalysisRequest request, Granularity granularity) {
        List<HqlConditions> parts = granularity == Granularity.MONTH ? KeptPeriods.of(request.from, request.to)
                : List.of(KeptPeriods.days(request.from, request.to));
        List<Object[]> rows = new ArrayList<>();
        for (HqlConditions where : parts) {
            where.add("d.productId = :productId");
            rows.addAll(where.bind(em.createQuery("select d.periodStart, d.orders, d.units, d.revenue from ProductSalesPeriod d "
                    + "where " + where.hql(), Object[].class)).setParameter("productId", productId).getResultList());
        }
        return rows;
    }

    /** The product's sales lines under the filters, counted per day. */
    private List<Object[]> countedLines(long productId, AnalysisRequest request) {
        HqlConditions where = SalesScope.sales(request).addIfSet("l.productId = :productId", "productId", productId);
        return where.bind(em.createQuery("select cast(o.orderedAt as LocalDate), count(distinct o.id), sum(l.quantity), "
                        + "sum(l.quantity * l.unitPrice) from OrderLine l join l.order o where " + where.hql()
                        + " group by cast(o.orderedAt as LocalDate)", Object[].class))
                .getResultList();
    }
}
