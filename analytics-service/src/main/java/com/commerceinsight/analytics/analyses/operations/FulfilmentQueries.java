package com.commerceinsight.analytics.analyses.operations;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.analyses.sales.SalesQueries;
import com.commerceinsight.analytics.analyses.counts.FulfilmentFacts;
import com.commerceinsight.analytics.analyses.counts.FulfilmentRows;

/**
 * Time from order to shipment and to delivery (analysis 12). Without an order filter and with a date range (if any)
 * holding every sale, from the kept hour counts ({@link FulfilmentRows}): counts, means and the day histogram from a
 * few hundred rows, the median and 90th percentile exactly, by rank inside their hour through the duration index.
 * Otherwise every sale under the filters is read and worked out here.
 */
@ApplicationScoped
public class FulfilmentQueries {

    private static final double MILLIS_PER_DAY = FulfilmentFacts.MILLIS_PER_HOUR * 24.0;

    private final EntityManager em;
    private final SalesQueries sales;

    public FulfilmentQueries(EntityManager em, SalesQueries sales) {
        this.em = em;
        this.sales = sales;
    }

    public FulfilmentTimes fulfilmentTimes(AnalysisRequest request) {
        return sales.wholeHistoryAnswers(request) ? kept() : counted(request);
    }

    private FulfilmentTimes kept() {
        Map<String, List<long[]>> hoursByKind = new HashMap<>();
        em.createQuery("select h.kind, h.hourBucket, h.orders, h.totalMillis from FulfilmentHour h order by h.kind, h.hourBucket", Object[].class)
                .getResultList()
                .forEach(r -> hoursByKind.computeIfAbsent((String) r[0], k -> new ArrayList<>())
                        .add(new long[] {((Number) r[1]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue()}));
        long withEstimate = count(hoursByKind, FulfilmentRows.ESTIMATED);
        long late = count(hoursByKind, FulfilmentRows.LATE);
        return new FulfilmentTimes(keptSummary(hoursByKind.getOrDefault(FulfilmentRows.SHIPMENT, List.of()), "shipMillis"),
                keptSummary(hoursByKind.getOrDefault(FulfilmentRows.DELIVERY, List.of()), "deliveryMillis"), withEstimate, late,
                withEstimate == 0 ? null : (double) late / withEstimate, count(hoursByKind, FulfilmentRows.INCONSISTENT));
    }

    private static long count(Map<String, List<long[]>> hoursByKind, String kind) {
        return hoursByKind.getOrDefault(kind, List.of()).stream().mapToLong(h -> h[1]).sum();
    }

    /** @param hours (whole hour, sales, their milliseconds) in hour order */
    private DurationSummary keptSummary(List<long[]> hours, String durationField) {
        long[] buckets = new long[DurationDistribution.HISTOGRAM_DAYS];
        long n = 0;
        long totalMillis = 0;
        for (long[] hour : hours) {
            buckets[DurationDistribution.bucketOf(hour[0] / 24.0)] += hour[1];
            n += hour[1];
            totalMillis += hour[2];
        }
        if (n == 0) {
            return DurationDistribution.summary(0, null, null, null, buckets);
        }
        return DurationDistribution.summary(n, totalMillis / MILLIS_PER_DAY / n,
                DurationDistribution.median(n, rank -> daysAt(hours, durationField, rank)),
                daysAt(hours, durationField, DurationDistribution.p90Rank(n)), buckets);
    }

    /** The duration of the given rank (from 0, shortest first) in days: its hour from the counts, then its place in that hour. */
    private double daysAt(List<long[]> hours, String durationField, long rank) {
        long before = 0;
        for (long[] hour : hours) {
            if (rank < before + hour[1]) {
                long millis = em.createQuery("select f." + durationField + " from OrderFulfilment f where f." + durationField
                                + " >= :from and f." + durationField + " < :until order by f." + durationField, Long.class)
                        .setParameter("from", hour[0] * FulfilmentFacts.MILLIS_PER_HOUR)
                        .setParameter("until", (hour[0] + 1) * FulfilmentFacts.MILLIS_PER_HOUR)
                        .setFirstResult((int) (rank - before)).setMaxResults(1).getSingleResult();
                return FulfilmentFacts.hours(millis) / 24;
            }
            before += hour[1];
        }
        throw new IllegalStateException("rank " + rank + " beyond the " + before + " kept durations");
    }

    private FulfilmentTimes counted(AnalysisRequest request) {
        HqlConditions where = SalesScope.sales(request);
        List<Object[]> rows = where.bind(em.createQuery("select o.orderedAt, "
                + "coalesce(o.shippedAt, (select min(s.shippedAt) from Shipment s where s.orderId = o.id)), "
                + "o.deliveredAt, o.estimatedDeliveryAt from CustomerOrder o where " + where.hql()
                + " and (o.shippedAt is not null or o.deliveredAt is not null "
                + "or exists (select 1 from Shipment s where s.orderId = o.id and s.shippedAt is not null))", Object[].class)).getResultList();
        List<Double> toShipment = new ArrayList<>();
        List<Double> toDelivery = new ArrayList<>();
        long withEstimate = 0;
        long late = 0;
        long inconsistent = 0;
        for (Object[] row : rows) {
            FulfilmentFacts facts = FulfilmentFacts.of((LocalDateTime) row[0], (LocalDateTime) row[1], (LocalDateTime) row[2],
                    (LocalDateTime) row[3]);
            if (facts.inconsistent()) {
                inconsistent++;
                continue;
            }
            if (facts.shipMillis() != null) {
                toShipment.add(FulfilmentFacts.hours(facts.shipMillis()));
            }
            if (facts.deliveryMillis() != null) {
                toDelivery.add(FulfilmentFacts.hours(facts.deliveryMillis()));
            }
            withEstimate += facts.estimated() ? 1 : 0;
            late += facts.late() ? 1 : 0;
        }
        return new FulfilmentTimes(DurationDistribution.of(toShipment.stream().mapToDouble(d -> d).toArray()),
                DurationDistribution.of(toDelivery.stream().mapToDouble(d -> d).toArray()), withEstimate, late,
                withEstimate == 0 ? null : (double) late / withEstimate, inconsistent);
    }
}
