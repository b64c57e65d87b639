package com.commerceinsight.analytics.analyses.counts;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.commerceinsight.analytics.analyses.DeltaRows;
import com.commerceinsight.analytics.analyses.Granularity;

/**
 * The customers' sales per period, for new versus returning customers and the cohort matrix:
 * <ul>
 * <li>commerce.period_customers: per granularity (D, W, M) and period, the customers with a sale in it, those of them
 * whose first sale falls in it (new), and the revenue of the new and of the returning ones;</li>
 * <li>commerce.cohort_activity: per first-sale month (cohort) and month, the cohort's customers with a sale in that
 * month and their revenue.</li>
 * </ul>
 * A customer counts once per period however many sales they made in it. Live, a changed customer's contribution is
 * computed twice from their whole sales history, as it was and as it is, and the difference is written; the rebuild
 * computes the same rows in SQL from the sales and the customer sales rows. Either way nothing is counted from the
 * order tables when the analyses are called.
 */
public final class CustomerPeriodRows {

    public static final String PERIODS = "commerce.period_customers";
    public static final String COHORTS = "commerce.cohort_activity";

    private static final Map<Granularity, String> KINDS = Map.of(Granularity.DAY, "D", Granularity.WEEK, "W", Granularity.MONTH, "M");

    private CustomerPeriodRows() {
    }

    /** The code of a granularity in period_customers.period_kind. */
    public static String kindOf(Granularity granularity) {
        return KINDS.get(granularity);
    }

    /** The statements of the rebuild (into emptied tables), after basket_sale and customer_sales are filled. */
    public static List<String> rebuildAll() {
        String month = periodStart(Granularity.MONTH, "CAST(cs.first_sale_at AS DATE)");
        return List.of(
                periodRows(Granularity.DAY), periodRows(Granularity.WEEK), periodRows(Granularity.MONTH),
                "INSERT INTO " + COHORTS + " (cohort_month, sale_month, customers, revenue)"
                        + " SELECT " + month + ", p.period_start, COUNT(*), SUM(p.revenue)"
                        + " FROM " + customerPeriods(Granularity.MONTH) + " JOIN commerce.customer_sales cs ON cs.customer_id = p.customer_id"
                        + " GROUP BY " + month + ", p.period_start");
    }

    private static String periodRows(Granularity granularity) {
        String first = periodStart(granularity, "CAST(cs.first_sale_at AS DATE)");
        String isNew = "CASE WHEN p.period_start = " + first;
        return "INSERT INTO " + PERIODS + " (period_kind, period_start, customers, new_customers, new_revenue, returning_revenue)"
                + " SELECT '" + kindOf(granularity) + "', p.period_start, COUNT(*), SUM(" + isNew + " THEN 1 ELSE 0 END),"
                + " SUM(" + isNew + " THEN p.revenue ELSE 0 END), SUM(" + isNew + " THEN 0 ELSE p.revenue END)"
                + " FROM " + customerPeriods(granularity) + " JOIN commerce.customer_sales cs ON cs.customer_id = p.customer_id"
                + " GROUP BY p.period_start";
    }

    /**
     * Derived table {@code p}: per customer and period, the revenue of their sales. It drives the join to customer_sales
     * (looked up by primary key), so H2 evaluates it once.
     */
    private static String customerPeriods(Granularity granularity) {
        String period = periodStart(granularity, "CAST(o.ordered_at AS DATE)");
        return "(SELECT o.customer_id, " + period + " AS period_start, SUM(o.total_amount) AS revenue"
                + " FROM commerce.basket_sale s JOIN commerce.orders o ON o.id = s.order_id WHERE o.customer_id IS NOT NULL"
                + " GROUP BY o.customer_id, " + period + ") p";
    }

    /** The first day of the period holding a DATE, in SQL that T-SQL and H2 share (1900-01-01 was a Monday). */
    static String periodStart(Granularity granularity, String date) {
        return switch (granularity) {
            case DAY -> date;
            case WEEK -> "DATEADD(DAY, -(DATEDIFF(DAY, CAST('1900-01-01' AS DATE), " + date + ") % 7), " + date + ")";
            case MONTH -> "DATEADD(DAY, 1 - DAY(" + date + "), " + date + ")";
        };
    }

    /** Takes out the changed customers' contributions as they were and puts in those they make now. */
    public static void apply(Connection connection, SaleMembership.Changes changes) throws SQLException {
        DeltaRows periods = new DeltaRows(PERIODS, List.of("period_kind", "period_start"),
                List.of("customers", "new_customers", "new_revenue", "returning_revenue"));
        DeltaRows cohorts = new DeltaRows(COHORTS, List.of("cohort_month", "sale_month"), List.of("customers", "revenue"));
        for (SaleMembership.SalesHistory history : changes.customers().values()) {
            contribute(history.before(), -1, periods, cohorts);
            contribute(history.after(), +1, periods, cohorts);
        }
        periods.writeTo(connection);
        cohorts.writeTo(connection);
    }

    private static void contribute(List<SaleMembership.Sale> sales, int sign, DeltaRows periods, DeltaRows cohorts) {
        if (sales.isEmpty()) {
            return;
        }
        LocalDate firstDay = sales.stream().map(SaleMembership.Sale::day).min(LocalDate::compareTo).orElseThrow();
        for (Granularity granularity : Granularity.values()) {
            Map<LocalDate, BigDecimal> revenue = new TreeMap<>();
            for (SaleMembership.Sale sale : sales) {
                revenue.merge(granularity.periodStart(sale.day()), sale.total(), BigDecimal::add);
            }
            LocalDate first = granularity.periodStart(firstDay);
            for (Map.Entry<LocalDate, BigDecimal> period : revenue.entrySet()) {
                boolean isNew = period.getKey().equals(first);
                BigDecimal amount = sign < 0 ? period.getValue().negate() : period.getValue();
                periods.add(List.of(kindOf(granularity), period.getKey()), (long) sign, isNew ? (long) sign : 0L,
                        isNew ? amount : BigDecimal.ZERO, isNew ? BigDecimal.ZERO : amount);
                if (granularity == Granularity.MONTH) {
                    cohorts.add(List.of(first, period.getKey()), (long) sign, amount);
                }
            }
        }
    }
}
