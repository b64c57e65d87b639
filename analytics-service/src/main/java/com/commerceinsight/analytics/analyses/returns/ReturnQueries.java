package com.commerceinsight.analytics.analyses.returns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.KeptPeriods;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.analyses.counts.ReturnReasonRows;

/**
 * Returns by reason: of every order of kind sale the filters keep (a returned order may since have been refunded).
 * Under date filters only, the kept rows per reason and day or month ({@code return_reason_period}) are added up; under
 * a customer, status, payment or category filter, the returns are counted with their orders.
 */
@ApplicationScoped
public class ReturnQueries {

    /** Most returns first; ties by reason, the returns without one first (as the databases sort nulls ascending). */
    private static final Comparator<long[]> MOST_FIRST = Comparator.comparingLong(counts -> -counts[0]);

    private final EntityManager em;

    public ReturnQueries(EntityManager em) {
        this.em = em;
    }

    /** Every reason with its returns, most first (ties: by reason). */
    public List<ReturnReason> byReason(AnalysisRequest request) {
        Map<String, long[]> counts = request.filtersSalesByDateOnly() && request.categoryId == null ? kept(request) : counted(request);
        long all = counts.values().stream().mapToLong(c -> c[0]).sum();
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.<String, long[]>comparingByValue(MOST_FIRST).thenComparing(Map.Entry.comparingByKey()));
        return rows.stream().map(r -> new ReturnReason(r.getKey().equals(ReturnReasonRows.NO_REASON) ? null : r.getKey(),
                r.getValue()[0], r.getValue()[1], (double) r.getValue()[0] / all)).toList();
    }

    /** Returns and approved ones per reason (none: {@link ReturnReasonRows#NO_REASON}) from the kept rows of the range. */
    private Map<String, long[]> kept(AnalysisRequest request) {
        Map<String, long[]> counts = new TreeMap<>();
        for (HqlConditions periods : KeptPeriods.of(request.from, request.to)) {
            add(counts, periods.bind(em.createQuery("select d.reason, sum(d.returns), sum(d.approved) from ReturnReasonPeriod d where "
                    + periods.hql() + " group by d.reason", Object[].class)).getResultList());
        }
        return counts;
    }

    /** The same counted from the returns and their orders under every filter. */
    private Map<String, long[]> counted(AnalysisRequest request) {
        HqlConditions where = SalesScope.allOrders(request).addIfSet("exists (select 1 from OrderLine l join Product p on p.id = l.productId "
                + "where l.order = o and " + SalesScope.categoryOf("p") + ")", "categoryId", request.categoryId);
        Map<String, long[]> counts = new TreeMap<>();
        add(counts, where.bind(em.createQuery("select ret.reason, count(ret.id), "
                + "sum(case when ret.status = 'approved' then 1 else 0 end) from OrderReturn ret join CustomerOrder o on o.id = ret.orderId "
                + "where " + where.hql() + " group by ret.reason", Object[].class)).getResultList());
        return counts;
    }

    private static void add(Map<String, long[]> counts, List<Object[]> rows) {
        for (Object[] r : rows) {
            long[] c = counts.computeIfAbsent(r[0] == null ? ReturnReasonRows.NO_REASON : (String) r[0], k -> new long[2]);
            c[0] += ((Number) r[1]).longValue();
            c[1] += ((Number) r[2]).longValue();
        }
    }
}
