package com.commerceinsight.analytics.analyses.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.Granularity;
import com.commerceinsight.analytics.analyses.HqlConditions;
import com.commerceinsight.analytics.analyses.PageRequest;
import com.commerceinsight.analytics.analyses.SalesScope;
import com.commerceinsight.analytics.analyses.sales.SalesQueries;
import com.commerceinsight.analytics.limits.SeriesLimits;
import com.commerceinsight.analytics.paging.Page;
import com.commerceinsight.analytics.analyses.counts.CustomerPeriodRows;

/**
 * Customer analyses: most orders (3), 30-day retention (7), category coverage (10), new versus returning customers,
 * cohort retention and RFM quintiles. The date range of the last four selects the periods or cohorts reported; a
 * customer's history is always read whole, so that a "first" sale is really the first. Retention, RFM and most orders
 * read the customer sales rows (commerce.customer_sales, kept by the live summaries) where the filters allow, so
 * that they do not group the order tables.
 */
@ApplicationScoped
public class CustomerQueries {

    private final EntityManager em;
    private final SalesQueries sales;
    private final SeriesLimits limits;

    public CustomerQueries(EntityManager em, SalesQueries sales, SeriesLimits limits) {
        this.limits = limits;
        this.em = em;
        this.sales = sales;
    }

    /**
     * Customers by number of sales. Without an order status or payment method filter and with a range that holds
     * every sale, the counts are the customer sales rows; otherwise they are counted from the orders under the filters.
     */
    public Page<CustomerOrderCount> mostOrders(AnalysisRequest request) {
        boolean wholeHistory = request.status == null && request.paymentMethod == null && sales.holdsEverySale(request);
        return wholeHistory ? mostOrdersOfWholeHistory(request) : mostOrdersCounted(request);
    }

    private Page<CustomerOrderCount> mostOrdersOfWholeHistory(AnalysisRequest request) {
        HqlConditions where = customersOf(request);
        PageRequest page = request.pageRequest();
        List<CustomerOrderCount> items = where.bind(em.createQuery("select c.id, c.firstName, c.lastName, s.sales, s.amount, "
                        + "s.lastSaleAt from CustomerSales s join Customer c on c.id = s.customerId where " + where.hql()
                        + " order by s.sales desc, s.amount desc, c.id", Object[].class))
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(CustomerQueries::orderCount)
                .toList();
        long total = where.bind(em.createQuery("select count(s) from CustomerSales s where " + where.hql(), Long.class))
                .getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private Page<CustomerOrderCount> mostOrdersCounted(AnalysisRequest request) {
        HqlConditions where = SalesScope.sales(request).add("o.customerId is not null");
        PageRequest page = request.pageRequest();
        List<CustomerOrderCount> items = where.bind(em.createQuery("select c.id, c.firstName, c.lastName, count(o), sum(o.totalAmount), "
                        + "max(o.orderedAt) from CustomerOrder o join Customer c on c.id = o.customerId where " + where.hql()
                        + " group by c.id, c.firstName, c.lastName order by count(o) desc, sum(o.totalAmount) desc, c.id", Object[].class))
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
                .map(CustomerQueries::orderCount)
                .toList();
        long total = where.bind(em.createQuery("select count(distinct o.customerId) from CustomerOrder o where " + where.hql(), Long.class))
                .getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static CustomerOrderCount orderCount(Object[] r) {
        return new CustomerOrderCount((Long) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                ((BigDecimal) r[4]).setScale(2), (LocalDateTime) r[5]);
    }

    /**
     * Of the customers whose first sale falls in the range, how many bought again within 30 days: the first and
     * second sale times of the customer sales rows (ranked by time, then order id, as ROW_NUMBER would).
     */
    public Retention30Days retention30Days(AnalysisRequest request) {
        HqlConditions where = customersOf(request)
                .addIfSet("s.firstSaleAt >= :fromTime", "fromTime", request.fromTime())
                .addIfSet("s.firstSaleAt < :untilTime", "untilTime", request.untilTime());
        List<Object[]> rows = where.bind(em.createQuery("select s.firstSaleAt, s.secondSaleAt from CustomerSales s where "
                + where.hql(), Object[].class)).getResultList();
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

    /** Customer sales rows (alias {@code s}) of customers in the filter's country and state. */
    private static HqlConditions customersOf(AnalysisRequest request) {
        return new HqlConditions()
                .addIfSet(SalesScope.customerIn("s.customerId", "country"), "country", request.country)
                .addIfSet(SalesScope.customerIn("s.customerId", "state"), "state", request.state);
    }

    /** Without a country or state filter, from the kept period rows; otherwise from the customers' sale days. */
    public List<NewVsReturning> newVsReturning(AnalysisRequest request, Granularity granularity) {
        limits.requireSeriesSpan(request.from, request.to, granularity.step(), "granularity");
        if (request.country != null || request.state != null) {
            List<CustomerDay> days = customerDays(request);
            limits.requireSeriesSpan(request.from, request.to, days.stream().map(CustomerDay::day).toList(), granularity.step(), "granularity");
            return NewVsReturningSeries.of(days, granularity, request.from, request.to);
        }
        SortedMap<LocalDate, NewVsReturning> periods = new TreeMap<>();
        em.createQuery("select p.periodStart, p.customers, p.newCustomers, p.newRevenue, p.returningRevenue from PeriodCustomers p "
                        + "where p.periodKind = :kind", Object[].class)
                .setParameter("kind", CustomerPeriodRows.kindOf(granularity)).getResultList()
                .forEach(r -> periods.put((LocalDate) r[0], new NewVsReturning((LocalDate) r[0], ((Number) r[2]).longValue(),
                        ((Number) r[1]).longValue() - ((Number) r[2]).longValue(), (BigDecimal) r[3], (BigDecimal) r[4])));
        limits.requireSeriesSpan(request.from, request.to, periods.keySet(), granularity.step(), "granularity");
        return NewVsReturningSeries.ofPeriods(periods, granularity, request.from, request.to);
    }

    /** Without a country or state filter, from the kept cohort rows; otherwise from the customers' sale days. */
    public List<Cohort> cohorts(AnalysisRequest request) {
        if (request.country != null || request.state != null) {
            return CohortMatrix.of(customerDays(request), request.from, request.to);
        }
        Map<LocalDate, Map<LocalDate, Long>> active = new TreeMap<>();
        em.createQuery("select a.cohortMonth, a.saleMonth, a.customers from CohortActivity a", Object[].class).getResultList()
                .forEach(r -> active.computeIfAbsent((LocalDate) r[0], c -> new HashMap<>()).put((LocalDate) r[1], ((Number) r[2]).longValue()));
        return CohortMatrix.ofCounts(active, request.from, request.to);
    }

    /**
     * @param asOf the reference day (sales before it count); null: the day after the last sale. When every sale lies
     *             before it, each customer's recency, frequency and amount are their customer sales row (one "day" per
     *             customer: the last); otherwise they are summed from the customer's days before it.
     */
    public List<RfmScore> rfm(AnalysisRequest request, LocalDate asOf) {
        List<CustomerDay> days = asOf == null || asOf.isAfter(lastSaleDay()) ? lastDays(request) : customerDays(request);
        LocalDate reference = asOf != null ? asOf
                : days.stream().map(CustomerDay::day).max(LocalDate::compareTo).map(d -> d.plusDays(1)).orElse(LocalDate.now());
        return RfmQuintiles.of(days, reference);
    }

    /** The day of the latest sale (any customer); the minimum date when there is none. */
    private LocalDate lastSaleDay() {
        LocalDateTime last = em.createQuery("select max(s.lastSaleAt) from CustomerSales s", LocalDateTime.class).getSingleResult();
        return last == null ? LocalDate.MIN : last.toLocalDate();
    }

    /** Each customer's whole sales as one day, the day of their last sale. */
    private List<CustomerDay> lastDays(AnalysisRequest request) {
        HqlConditions where = customersOf(request);
        return where.bind(em.createQuery("select s.customerId, s.lastSaleAt, s.sales, s.amount from CustomerSales s where "
                        + where.hql(), Object[].class))
                .getResultList().stream()
                .map(r -> new CustomerDay((Long) r[0], ((LocalDateTime) r[1]).toLocalDate(), ((Number) r[2]).longValue(), (BigDecimal) r[3]))
                .toList();
    }

    /**
     * Per category, the customers who bought the most distinct products of it. Without a status or payment method
     * filter and with a date range (if any) holding every sale, the counts are the customer category rows ({@link CategoryCoverageRows}, kept by the live
     * summaries), read per category of the page in the order of their ranking index; otherwise they are counted from
     * the order lines under the filters, ranked in the database with ROW_NUMBER so only the top ones leave it.
     */
    public Page<CategoryCoverage> categoryCoverage(AnalysisRequest request, int topPerCategory) {
        HqlConditions categories = new HqlConditions()
                .addIfSet("(c.id = :categoryId or c.parentId = :categoryId)", "categoryId", request.categoryId);
        Map<Long, CategoryCoverage> byCategory = new LinkedHashMap<>();
        categories.bind(em.createQuery("select c.id, c.name, count(p) from Category c join Product p on p.categoryId = c.id where "
                        + categories.hql() + " group by c.id, c.name order by c.id", Object[].class)).getResultList()
                .forEach(r -> byCategory.put((Long) r[0], new CategoryCoverage((Long) r[0], (String) r[1], ((Number) r[2]).longValue(),
                        new ArrayList<>())));
        Page<CategoryCoverage> page = request.pageRequest().of(List.copyOf(byCategory.values()));
        boolean counted = request.status == null && request.paymentMethod == null && sales.holdsEverySale(request);
        List<Object[]> ranked = counted ? countedCoverage(request, page.items(), topPerCategory) : coverageUnderFilters(request, topPerCategory);
        for (Object[] row : ranked) {
            CategoryCoverage category = byCategory.get((Long) row[0]);
            long bought = ((Number) row[2]).longValue();
            category.topCustomers().add(new CategoryCoverage.CustomerCoverage((Long) row[1], bought, (double) bought / category.products()));
        }
        return page;
    }

    /** (category, customer, products) of the top customers of each category on the page, from the customer category rows. */
    private List<Object[]> countedCoverage(AnalysisRequest request, List<CategoryCoverage> categories, int topPerCategory) {
        HqlConditions where = customersOf(request).add("s.categoryId = :categoryId");
        List<Object[]> ranked = new ArrayList<>();
        for (CategoryCoverage category : categories) {
            ranked.addAll(where.bind(em.createQuery("select s.categoryId, s.customerId, s.products from CustomerCategoryProducts s where "
                            + where.hql() + " order by s.products desc, s.customerId", Object[].class))
                    .setParameter("categoryId", category.categoryId()).setMaxResults(topPerCategory).getResultList());
        }
        return ranked;
    }

    /** (category, customer, products) of the top customers of every category, counted from the sales under the filters. */
    private List<Object[]> coverageUnderFilters(AnalysisRequest request, int topPerCategory) {
        HqlConditions sales = SalesScope.sales(request).add("o.customerId is not null").add("p.categoryId is not null")
                .addIfSet(SalesScope.categoryOf("p"), "categoryId", request.categoryId);
        return sales.bind(em.createQuery("select t.categoryId, t.customerId, t.bought from ("
                        + "select p.categoryId as categoryId, o.customerId as customerId, count(distinct l.productId) as bought, "
                        + "row_number() over (partition by p.categoryId order by count(distinct l.productId) desc, o.customerId) as rn "
                        + "from OrderLine l join l.order o join Product p on p.id = l.productId where " + sales.hql()
                        + " group by p.categoryId, o.customerId) t where t.rn <= :top order by t.categoryId, t.rn", Object[].class))
                .setParameter("top", (long) topPerCategory).getResultList();
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
