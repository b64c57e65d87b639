package com.commerceinsight.analytics.analyses.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.Granularity;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.PageRequest;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.paging.Page;

/**
 * Customer analyses: most orders (3), 30-day retention (7), category coverage (10), new versus returning customers,
 * cohort retention and RFM quintiles. The date range of the last four selects the periods or cohorts reported; a
 * customer's history is always read whole, so that a "first" sale is really the first.
 */
@ApplicationScoped
public class CustomerQueries {

    private final EntityManager em;

    public CustomerQueries(EntityManager em) {
        this.em = em;
    }

    public Page<CustomerOrderCount> mostOrders(AnalysisRequest request) {
        HqlConditions where = SalesScope.sales(request).add("o.customerId is not null");
        PageRequest page = request.pageRequest();
        List<CustomerOrderCount> items = where.bind(em.createQuery("select c.id, c.firstName, c.lastName, count(o), sum(o.totalAmount), "
                        + "max(o.orderedAt) from CustomerOrder o join Customer c on c.id = o.customerId where " + where.hql()
                        + " group by c.id, c.firstName, c.lastName order by count(o) desc, sum(o.totalAmount) desc, c.id", Object[].class))
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(r -> new CustomerOrderCount((Long) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                        ((BigDecimal) r[4]).setScale(2), (LocalDateTime) r[5]))
                .toList();
        long total = where.bind(em.createQuery("select count(distinct o.customerId) from CustomerOrder o where " + where.hql(), Long.class))
                .getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * Each customer's first sale and the one after it, picked with window functions (ROW_NUMBER and LEAD over the
     * customer's sales in time order), for the customers whose first sale falls in the range.
     */
    public Retention30Days retention30Days(AnalysisRequest request) {
        HqlConditions where = SalesScope.salesOfCustomers(request);
        HqlConditions firstInRange = new HqlConditions().add("t.rn = 1")
                .addIfSet("t.orderedAt >= :fromTime", "fromTime", request.fromTime())
                .addIfSet("t.orderedAt < :untilTime", "untilTime", request.untilTime());
        List<Object[]> rows = firstInRange.bind(where.bind(em.createQuery("select t.orderedAt, t.nextAt from ("
                + "select o.orderedAt as orderedAt, "
                + "lead(o.orderedAt) over (partition by o.customerId order by o.orderedAt, o.id) as nextAt, "
                + "row_number() over (partition by o.customerId order by o.orderedAt, o.id) as rn "
                + "from CustomerOrder o where " + where.hql() + ") t where " + firstInRange.hql(), Object[].class)))
                .getResultList();
        long retained = 0;
        long oneOrder = 0;
        for (Object[] row : rows) {
            LocalDateTime first = (LocalDateTime) row[0];
            LocalDateTime next = (LocalDateTime) row[1];
            if (next == null) {
                oneOrder++;
            } else if (!next.isAfter(first.plusDays(30))) {
                retained++;
            }
        }
        return new Retention30Days(rows.size(), retained, rows.isEmpty() ? null : (double) retained / rows.size(), oneOrder);
    }

    public List<NewVsReturning> newVsReturning(AnalysisRequest request, Granularity granularity) {
        return NewVsReturningSeries.of(customerDays(request), granularity, request.from, request.to);
    }

    public List<Cohort> cohorts(AnalysisRequest request) {
        return CohortMatrix.of(customerDays(request), request.from, request.to);
    }

    /** @param asOf the reference day (sales before it count); null: the day after the last sale. */
    public List<RfmScore> rfm(AnalysisRequest request, LocalDate asOf) {
        List<CustomerDay> days = customerDays(request);
        LocalDate reference = asOf != null ? asOf
                : days.stream().map(CustomerDay::day).max(LocalDate::compareTo).map(d -> d.plusDays(1)).orElse(LocalDate.now());
        return RfmQuintiles.of(days, reference);
    }

    /**
     * Per category, the customers who bought the most distinct products of it, ranked in the database with
     * ROW_NUMBER over the grouped counts so only the top ones per category leave it.
     */
    public Page<CategoryCoverage> categoryCoverage(AnalysisRequest request, int topPerCategory) {
        HqlConditions sales = SalesScope.sales(request).add("o.customerId is not null").add("p.categoryId is not null")
                .addIfSet(SalesScope.categoryOf("p"), "categoryId", request.categoryId);
        List<Object[]> ranked = sales.bind(em.createQuery("select t.categoryId, t.customerId, t.bought from ("
                        + "select p.categoryId as categoryId, o.customerId as customerId, count(distinct l.productId) as bought, "
                        + "row_number() over (partition by p.categoryId order by count(distinct l.productId) desc, o.customerId) as rn "
                        + "from OrderLine l join l.order o join Product p on p.id = l.productId where " + sales.hql()
                        + " group by p.categoryId, o.customerId) t where t.rn <= :top order by t.categoryId, t.rn", Object[].class))
                .setParameter("top", (long) topPerCategory).getResultList();
        HqlConditions categories = new HqlConditions()
                .addIfSet("(c.id = :categoryId or c.parentId = :categoryId)", "categoryId", request.categoryId);
        Map<Long, CategoryCoverage> byCategory = new LinkedHashMap<>();
        categories.bind(em.createQuery("select c.id, c.name, count(p) from Category c join Product p on p.categoryId = c.id where "
                        + categories.hql() + " group by c.id, c.name order by c.id", Object[].class)).getResultList()
                .forEach(r -> byCategory.put((Long) r[0], new CategoryCoverage((Long) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        new ArrayList<>())));
        for (Object[] row : ranked) {
            CategoryCoverage category = byCategory.get((Long) row[0]);
            long bought = ((Number) row[2]).longValue();
            category.topCustomers().add(new CategoryCoverage.CustomerCoverage((Long) row[1], bought, (double) bought / category.products()));
        }
        return request.pageRequest().of(List.copyOf(byCategory.values()));
    }

    private List<CustomerDay> customerDays(AnalysisRequest request) {
        HqlConditions where = SalesScope.salesOfCustomers(request);
        return where.bind(em.createQuery("select o.customerId, cast(o.orderedAt as LocalDate), count(o), sum(o.totalAmount) "
                        + "from CustomerOrder o where " + where.hql() + " group by o.customerId, cast(o.orderedAt as LocalDate)", Object[].class))
                .getResultList().stream()
                .map(r -> new CustomerDay((Long) r[0], (LocalDate) r[1], ((Number) r[2]).longValue(), (BigDecimal) r[3]))
                .toList();
    }
}
