package com.commerceinsight.analytics.dashboards;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.generator.ShopGenerator;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Each dashboard endpoint, under many filters, against the same page computed order by order from the fact rows of a
 * small generated shop (about 2,500 orders over two years).
 */
@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class DashboardPagesTest {

    @Inject
    DataSource dataSource;
    @Inject
    ShopGenerator generator;
    @Inject
    SummaryRebuilder rebuilder;

    private FactRows facts;

    @BeforeEach
    void aGeneratedShop() throws Exception {
        GeneratedShopFixture.ensureGenerated(dataSource, generator, rebuilder);
        facts = FactRows.read(dataSource);
    }

    @Test
    void everyPageEqualsItsComputationFromTheFactRowsUnderEachFilter() throws Exception {
        for (DashboardFilter filter : filters()) {
            ExpectedDashboards expected = new ExpectedDashboards(facts, filter);
            DashboardComparison.assertSame(DashboardComparison.fetch("home", filter, null, HomeKpis.class), expected.home(),
                    "home " + filter);
            for (Period period : Period.values()) {
                if (period == Period.DAY && longerThanADaySeriesMayBe(filter)) {
                    for (String page : List.of("sales", "customers", "orders")) {
                        DashboardComparison.refused(page, filter, period, "from");
                    }
                    continue;
                }
                DashboardComparison.assertSame(DashboardComparison.fetch("sales", filter, period, SalesOverview.class),
                        expected.sales(period), "sales by " + period + " " + filter);
                DashboardComparison.assertSame(DashboardComparison.fetch("customers", filter, period, CustomerInsights.class),
                        expected.customers(period), "customers by " + period + " " + filter);
                DashboardComparison.assertSame(DashboardComparison.fetch("orders", filter, period, OrdersManagement.class),
                        expected.orders(period), "orders by " + period + " " + filter);
            }
        }
    }

    @Test
    void theShopHasWhatTheFiltersNeed() {
        // The comparisons above only mean something if the shop has cancellations, refunds, failures and repeat buyers.
        List<FactRows.Order> orders = facts.orders();
        assertThat(orders.stream().filter(FactRows.Order::cancelled).count()).isGreaterThan(20);
        assertThat(orders.stream().filter(FactRows.Order::returning).count()).isGreaterThan(500);
        assertThat(orders.stream().flatMap(o -> o.payments().stream()).filter(p -> p.status().equals("refunded")).count()).isGreaterThan(5);
        assertThat(orders.stream().flatMap(o -> o.payments().stream()).filter(p -> p.status().equals("failed")).count()).isGreaterThan(5);
    }

    @Test
    void aRangeWithoutOrdersGivesZerosAndEmptyPeriods() {
        asStaff().queryParam("from", "2040-01-01").queryParam("to", "2040-03-31")
                .when().get("/api/analytics/dashboards/home")
                .then().statusCode(200).body("orders", equalTo(0)).body("netRevenue", equalTo(0.0f))
                .body("averageOrderValue", equalTo(null)).body("cancellationRate", equalTo(null));
        asStaff().queryParam("from", "2040-01-01").queryParam("to", "2040-03-31").queryParam("period", "month")
                .when().get("/api/analytics/dashboards/sales")
                .then().statusCode(200).body("periods.size()", equalTo(3)).body("periods[1].growthOverPreviousPeriod", equalTo(null));
    }

    @Test
    void badParametersAre400sNamingTheParameter() {
        asStaff().queryParam("from", "2024-02-01").queryParam("to", "2024-01-01").when().get("/api/analytics/dashboards/home")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        asStaff().queryParam("from", "yesterday").when().get("/api/analytics/dashboards/sales")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        asStaff().queryParam("categoryId", "shoes").when().get("/api/analytics/dashboards/orders")
                .then().statusCode(400).body("errors[0].field", equalTo("categoryId"));
        asStaff().queryParam("period", "year").when().get("/api/analytics/dashboards/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("period"));
    }

    /**
     * No filter, date ranges (partial months at both edges, whole months only, days within one month, open at either
     * end: the ways a range splits into month and day rows), and each filter alone and combined, picking values the
     * shop has.
     */
    private List<DashboardFilter> filters() {
        List<FactRows.Order> orders = facts.orders();
        long busiestCategory = mostCommon(orders.stream().flatMap(o -> o.lines().stream()).map(FactRows.Line::categoryId).toList());
        FactRows.Order sample = orders.stream().filter(o -> o.customerId() != null).findFirst().orElseThrow();
        String state = sample.state();
        String country = sample.country();
        LocalDate from = LocalDate.of(2023, 3, 15);
        LocalDate to = LocalDate.of(2023, 9, 10);
        return List.of(
                DashboardFilter.all(),
                new DashboardFilter(from, to, null, null, null, null),
                new DashboardFilter(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30), null, null, null, null),
                new DashboardFilter(LocalDate.of(2023, 5, 3), LocalDate.of(2023, 5, 20), null, null, null, null),
                new DashboardFilter(null, LocalDate.of(2023, 8, 17), null, null, null, null),
                new DashboardFilter(LocalDate.of(2024, 2, 10), null, null, null, null, null),
                new DashboardFilter(null, null, busiestCategory, null, null, null),
                new DashboardFilter(null, null, null, state, null, null),
                new DashboardFilter(null, null, null, null, country, null),
                new DashboardFilter(null, null, null, null, null, "paypal"),
                new DashboardFilter(from, to, busiestCategory, null, country, "credit_card"));
    }

    /**
     * Whether a day series under the filter is longer than the 3 years a client may ask for: a range given at one end
     * or both, an open end being the first or last day with orders (a series over all the data is not limited).
     */
    private boolean longerThanADaySeriesMayBe(DashboardFilter filter) {
        if (filter.from() == null && filter.to() == null) {
            return false;
        }
        LocalDate first = filter.from() != null ? filter.from()
                : facts.orders().stream().map(FactRows.Order::day).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = filter.to() != null ? filter.to()
                : facts.orders().stream().map(FactRows.Order::day).max(LocalDate::compareTo).orElseThrow();
        return last.isAfter(first.plusYears(3));
    }

    private static <T> T mostCommon(List<T> values) {
        Map<T, Long> counts = values.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElseThrow();
    }
}
