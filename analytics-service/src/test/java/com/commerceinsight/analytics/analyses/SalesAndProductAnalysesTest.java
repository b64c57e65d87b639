package com.commerceinsight.analytics.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.analyses.ShopSnapshot.LineRow;
import com.commerceinsight.analytics.analyses.ShopSnapshot.OrderRow;
import com.commerceinsight.analytics.analyses.products.LowStockProduct;
import com.commerceinsight.analytics.analyses.products.ProductQueries;
import com.commerceinsight.analytics.analyses.products.ProductRating;
import com.commerceinsight.analytics.analyses.products.ProductSales;
import com.commerceinsight.analytics.analyses.sales.PeriodSales;
import com.commerceinsight.analytics.analyses.sales.SalesQueries;
import com.commerceinsight.analytics.analyses.sales.SalesTotals;
import com.commerceinsight.analytics.generator.ShopGenerator;
import com.commerceinsight.analytics.paging.Page;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Analyses 1, 2, 4 and 6 on a generated shop, against the test's own computation over the rows read with JDBC. */
@QuarkusTest
@TestProfile(GeneratedShopProfile.class)
class SalesAndProductAnalysesTest {

    @Inject
    ShopGenerator generator;
    @Inject
    DataSource dataSource;
    @Inject
    SalesQueries sales;
    @Inject
    ProductQueries products;

    ShopSnapshot shop;
    ReferenceSales reference;

    @BeforeEach
    void loadShop() throws Exception {
        shop = GeneratedShop.ensure(generator, dataSource);
        reference = new ReferenceSales(shop);
    }

    @Test
    void totalSalesLeaveOutCancelledAndRefundedOrders() {
        assertThat(shop.orders()).anyMatch(o -> o.status().equals("cancelled"));
        assertThat(shop.payments()).anyMatch(p -> p.status().equals("refunded"));
        for (AnalysisRequest request : requests()) {
            List<OrderRow> expected = shop.orders().stream().filter(reference.sales(request)).toList();
            BigDecimal revenue = expected.stream().map(OrderRow::total).reduce(BigDecimal.ZERO, BigDecimal::add);

            SalesTotals totals = sales.totals(request);

            assertThat(totals.orders()).isEqualTo(expected.size());
            assertThat(totals.revenue()).isEqualByComparingTo(revenue);
            if (!expected.isEmpty()) {
                assertThat(totals.averageOrderValue()).isEqualByComparingTo(revenue.divide(BigDecimal.valueOf(expected.size()), 2, RoundingMode.HALF_UP));
            }
        }
    }

    @Test
    void monthlySalesHaveRunningTotalsAndMonthOverMonthGrowth() {
        Map<LocalDate, BigDecimal> revenueByMonth = new TreeMap<>();
        Map<LocalDate, Long> ordersByMonth = new HashMap<>();
        for (OrderRow o : shop.orders()) {
            if (reference.isSale(o)) {
                LocalDate month = o.orderedAt().toLocalDate().withDayOfMonth(1);
                revenueByMonth.merge(month, o.total(), BigDecimal::add);
                ordersByMonth.merge(month, 1L, Long::sum);
            }
        }
        AnalysisRequest all = AnalysisRequest.none();

        List<PeriodSales> series = sales.byPeriod(all, Granularity.MONTH);

        List<LocalDate> months = new ArrayList<>(revenueByMonth.keySet());
        assertThat(series.get(0).periodStart()).isEqualTo(months.get(0));
        assertThat(series.get(series.size() - 1).periodStart()).isEqualTo(months.get(months.size() - 1));
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal previous = null;
        for (PeriodSales period : series) {
            BigDecimal revenue = revenueByMonth.getOrDefault(period.periodStart(), BigDecimal.ZERO);
            running = running.add(revenue);
            assertThat(period.orders()).isEqualTo(ordersByMonth.getOrDefault(period.periodStart(), 0L));
            assertThat(period.revenue()).isEqualByComparingTo(revenue);
            assertThat(period.runningRevenue()).isEqualByComparingTo(running);
            if (previous == null || previous.signum() == 0) {
                assertThat(period.growthOverPreviousPeriod()).isNull();
            } else {
                assertThat(period.growthOverPreviousPeriod()).isCloseTo(revenue.doubleValue() / previous.doubleValue() - 1, within(1e-9));
            }
            previous = revenue;
        }
    }

    @Test
    void dailyAndWeeklySeriesListEmptyPeriodsWithZeros() {
        AnalysisRequest range = AnalysisRequest.none();
        range.from = LocalDate.of(2023, 3, 1);
        range.to = LocalDate.of(2023, 6, 30);
        Set<LocalDate> saleDays = shop.orders().stream().filter(reference.sales(range)).map(o -> o.orderedAt().toLocalDate())
                .collect(Collectors.toSet());

        List<PeriodSales> days = sales.byPeriod(range, Granularity.DAY);
        List<PeriodSales> weeks = sales.byPeriod(range, Granularity.WEEK);

        assertThat(days).hasSize(122);
        assertThat(saleDays.size()).as("the generated shop has days without sales").isLessThan(122);
        for (PeriodSales day : days) {
            assertThat(day.orders() > 0).isEqualTo(saleDays.contains(day.periodStart()));
            if (day.orders() == 0) {
                assertThat(day.averageOrderValue()).isNull();
            }
        }
        assertThat(weeks.get(0).periodStart()).isEqualTo(LocalDate.of(2023, 2, 27)); // the Monday of 1 March 2023
        assertThat(weeks.stream().mapToLong(PeriodSales::orders).sum()).isEqualTo(days.stream().mapToLong(PeriodSales::orders).sum());
        assertThat(weeks.get(weeks.size() - 1).runningRevenue()).isEqualByComparingTo(days.get(days.size() - 1).runningRevenue());
    }

    @Test
    void topSellingProductsRankByUnitsPerProductId() {
        for (AnalysisRequest request : requests()) {
            request.size = 10;
            Predicate<OrderRow> sale = reference.sales(request);
            Predicate<Long> inCategory = reference.inCategory(request.categoryId);
            Map<Long, OrderRow> orders = shop.ordersById();
            Map<Long, long[]> units = new HashMap<>();
            Map<Long, BigDecimal> revenue = new HashMap<>();
            for (LineRow line : shop.lines()) {
                if (sale.test(orders.get(line.orderId())) && inCategory.test(line.productId())) {
                    units.computeIfAbsent(line.productId(), p -> new long[1])[0] += line.quantity();
                    revenue.merge(line.productId(), line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())), BigDecimal::add);
                }
            }
            List<Long> ranked = units.keySet().stream().sorted(Comparator.<Long>comparingLong(p -> -units.get(p)[0])
                    .thenComparing(p -> revenue.get(p), Comparator.reverseOrder()).thenComparing(p -> p)).toList();

            Page<ProductSales> top = products.topSelling(request);

            assertThat(top.total()).isEqualTo(units.size());
            assertThat(top.items()).extracting(ProductSales::productId).containsExactlyElementsOf(ranked.subList(0, Math.min(10, ranked.size())));
            for (ProductSales p : top.items()) {
                assertThat(p.units()).isEqualTo(units.get(p.productId())[0]);
                assertThat(p.revenue()).isEqualByComparingTo(revenue.get(p.productId()).setScale(2, RoundingMode.HALF_UP));
            }
        }
    }

    @Test
    void lowStockListsProductsStrictlyBelowTheThreshold() {
        AnalysisRequest request = AnalysisRequest.none();
        request.size = 500;
        int threshold = shop.products().stream().filter(p -> p.stock() != null).mapToInt(ShopSnapshot.ProductRow::stock).sorted()
                .skip(shop.products().size() / 4).findFirst().orElseThrow();
        List<Long> expected = shop.products().stream().filter(p -> p.stock() != null && p.stock() < threshold)
                .sorted(Comparator.comparing(ShopSnapshot.ProductRow::stock).thenComparing(ShopSnapshot.ProductRow::id))
                .map(ShopSnapshot.ProductRow::id).toList();

        Page<LowStockProduct> low = products.lowStock(request, threshold);

        assertThat(expected).isNotEmpty();
        assertThat(low.total()).isEqualTo(expected.size());
        assertThat(low.items()).extracting(LowStockProduct::productId).containsExactlyElementsOf(expected.subList(0, Math.min(500, expected.size())));
    }

    @Test
    void ratingsAreDecimalMeansPerProduct() {
        Map<Long, List<Integer>> ratings = shop.reviews().stream().filter(r -> r.productId() != null)
                .collect(Collectors.groupingBy(ShopSnapshot.ReviewRow::productId, Collectors.mapping(ShopSnapshot.ReviewRow::rating, Collectors.toList())));
        AnalysisRequest request = AnalysisRequest.none();
        request.size = 500;

        Page<ProductRating> page = products.ratings(request, 2);

        long withTwo = ratings.values().stream().filter(r -> r.size() >= 2).count();
        assertThat(page.total()).isEqualTo(withTwo);
        assertThat(page.items()).anyMatch(r -> r.averageRating() != Math.rint(r.averageRating()));
        double last = Double.MAX_VALUE;
        for (ProductRating rating : page.items()) {
            List<Integer> values = ratings.get(rating.productId());
            assertThat(rating.reviews()).isEqualTo(values.size());
            assertThat(rating.averageRating()).isCloseTo(values.stream().mapToInt(i -> i).average().orElseThrow(), within(1e-9));
            assertThat(rating.averageRating()).isLessThanOrEqualTo(last);
            last = rating.averageRating();
        }
    }

    /** No filter, and each filter alone, with values taken from the data. */
    private List<AnalysisRequest> requests() {
        List<AnalysisRequest> requests = new ArrayList<>();
        requests.add(AnalysisRequest.none());
        AnalysisRequest dates = AnalysisRequest.none();
        dates.from = LocalDate.of(2023, 7, 1);
        dates.to = LocalDate.of(2023, 12, 31);
        requests.add(dates);
        AnalysisRequest country = AnalysisRequest.none();
        country.country = shop.customers().get(0).country();
        requests.add(country);
        AnalysisRequest state = AnalysisRequest.none();
        state.state = shop.customers().get(1).state();
        requests.add(state);
        AnalysisRequest status = AnalysisRequest.none();
        status.status = "delivered";
        requests.add(status);
        AnalysisRequest method = AnalysisRequest.none();
        method.paymentMethod = shop.payments().get(0).method();
        requests.add(method);
        AnalysisRequest category = AnalysisRequest.none();
        category.categoryId = shop.categories().stream().filter(c -> c.parentId() == null).findFirst().orElseThrow().id();
        requests.add(category);
        return requests;
    }
}
