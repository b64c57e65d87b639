package com.commerceinsight.analytics.analyses.returns;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.SalesScope;

/** Returns by reason: of every order of kind sale the filters keep (a returned order may since have been refunded). */
@ApplicationScoped
public class ReturnQueries {

    private final EntityManager em;

    public ReturnQueries(EntityManager em) {
        this.em = em;
    }

    /** Every reason with its returns, most first (ties: by reason). */
    public List<ReturnReason> byReason(AnalysisRequest request) {
        HqlConditions where = SalesScope.allOrders(request).addIfSet("exists (select 1 from OrderLine l join Product p on p.id = l.productId "
                + "where l.order = o and " + SalesScope.categoryOf("p") + ")", "categoryId", request.categoryId);
        List<Object[]> rows = where.bind(em.createQuery("select ret.reason, count(ret.id), "
                + "sum(case when ret.status = 'approved' then 1 else 0 end) from OrderReturn ret join CustomerOrder o on o.id = ret.orderId "
                + "where " + where.hql() + " group by ret.reason order by count(ret.id) desc, ret.reason", Object[].class)).getResultList();
        long all = rows.stream().mapToLong(r -> ((Number) r[1]).longValue()).sum();
        return rows.stream().map(r -> new ReturnReason((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                ((Number) r[1]).doubleValue() / all)).toList();
    }
}
