package com.commerceinsight.analytics.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.analyses.ShopSnapshot.LineRow;
import com.commerceinsight.analytics.analyses.ShopSnapshot.OrderRow;
import com.commerceinsight.analytics.analyses.baskets.BasketQueries;
import com.commerceinsight.analytics.analyses.baskets.ProductPair;
import com.commerceinsight.analytics.analyses.baskets.WishlistSuggestions;
import com.commerceinsight.analytics.analyses.customers.CategoryCoverage;
import com.commerceinsight.analytics.analyses.customers.Cohort;
import com.commerceinsight.analytics.analyses.customers.CustomerOrderCount;
import com.commerceinsight.analytics.analyses.customers.CustomerQueries;
import com.commerceinsight.analytics.analyses.customers.NewVsReturning;
import com.commerceinsight.analytics.analyses.customers.Retention30Days;
import com.commerceinsight.analytics.analyses.customers.RfmScore;
import com.commerceinsight.analytics.generator.ShopGenerator;
import com.commerceinsight.analytics.paging.Page;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Analyses 3, 7, 8, 10, 11 and the customer dashboards on a generated shop, against the test's own computation. */
@QuarkusTest
@TestProfile(GeneratedShopProfile.class)
class CustomerAndBasketAnalysesTest {

    @Inject
    ShopGenerator generator;
    @Inject
    DataSource dataSource;
    @Inject
    CustomerQueries customers;
    @Inject
    BasketQueries baskets;

    ShopSnapshot shop;
    ReferenceSales reference;
    /** Each customer's sales in time order (ties by order id). */
    Map<Long, List<OrderRow>> salesByCustomer;

    @BeforeEach
    void loadShop() throws Exception {
        shop = GeneratedShop.ensure(generator, dataSource);
        reference = new ReferenceSales(shop);
        salesByCustomer = shop.orders().stream().filter(reference::isSale).filter(o -> o.customerId() != null)
                .sorted(Comparator.comparing(OrderRow::orderedAt).thenComparing(OrderRow::id))
                .collect(Collectors.groupingBy(OrderRow::customerId, TreeMap::new, Collectors.toList()));
    }

    @Test
    void customersWithMostOrdersCountOnlyTheirSales() {
        AnalysisRequest request = AnalysisRequest.none();
        request.size = 15;
        List<Long> expected = salesByCustomer.keySet().stream()
                .sorted(Comparator.<Long>comparingInt(c -> -salesByCustomer.get(c).size())
                        .thenComparing(c -> revenue(salesByCustomer.get(c)), Comparator.reverseOrder()).thenComparing(c -> c))
                .limit(15).toList();

        Page<CustomerOrderCount> page = customers.mostOrders(request);

        assertThat(page.total()).isEqualTo(salesByCustomer.size());
        assertThat(page.items()).extracting(CustomerOrderCount::customerId).containsExactlyElementsOf(expected);
        for (CustomerOrderCount c : page.items()) {
            assertThat(c.orders()).isEqualTo(salesByCustomer.get(c.customerId()).size());
            assertThat(c.revenue()).isEqualByComparingTo(revenue(salesByCustomer.get(c.customerId())));
        }
    }

    @Test
    void retentionCountsSecondSalesWithinThirtyDaysOfTheFirst() {
        AnalysisRequest all = AnalysisRequest.none();
        AnalysisRequest year = AnalysisRequest.none();
        year.from = LocalDate.of(2024, 1, 1);
        year.to = LocalDate.of(2024, 12, 31);
        for (AnalysisRequest request : List.of(all, year)) {
            long cohort = 0;
            long retained = 0;
            long single = 0;
            for (List<OrderRow> sales : salesByCustomer.values()) {
                LocalDate first = sales.get(0).orderedAt().toLocalDate();
                if (request.from != null && first.isBefore(request.from) || request.to != null && first.isAfter(request.to)) {
                    continue;
                }
                cohort++;
                if (sales.size() == 1) {
                    single++;
                } else if (java.time.Duration.between(sales.get(0).orderedAt(), sales.get(1).orderedAt()).compareTo(java.time.Duration.ofDays(30)) <= 0) {
                    retained++;
                }
            }

            Retention30Days retention = customers.retention30Days(request);

            assertThat(single).as("customers with one sale exist").isPositive();
            assertThat(retention.customers()).isEqualTo(cohort);
            assertThat(retention.retained()).isEqualTo(retained);
            assertThat(retention.oneOrderCustomers()).isEqualTo(single);
            assertThat(retention.share()).isCloseTo((double) retained / cohort, within(1e-12));
        }
    }

    @Test
    void newVersusReturningSplitsEachPeriodsBuyers() {
        AnalysisRequest request = AnalysisRequest.none();
        request.from = LocalDate.of(2024, 1, 1);
        request.to = LocalDate.of(2024, 12, 31);
        for (Granularity granularity : Granularity.values()) {
            Map<LocalDate, Set<Long>> newOnes = new HashMap<>();
            Map<LocalDate, Set<Long>> returning = new HashMap<>();
            Map<LocalDate, BigDecimal> newRevenue = new HashMap<>();
            Map<LocalDate, BigDecimal> returningRevenue = new HashMap<>();
            salesByCustomer.forEach((customer, sales) -> {
                LocalDate firstPeriod = granularity.periodStart(sales.get(0).orderedAt().toLocalDate());
                for (OrderRow o : sales) {
                    LocalDate period = granularity.periodStart(o.orderedAt().toLocalDate());
                    boolean isNew = period.equals(firstPeriod);
                    (isNew ? newOnes : returning).computeIfAbsent(period, m -> new HashSet<>()).add(customer);
                    (isNew ? newRevenue : returningRevenue).merge(period, o.total(), BigDecimal::add);
                }
            });

            List<NewVsReturning> periods = customers.newVsReturning(request, granularity);

            assertThat(periods.get(0).periodStart()).isEqualTo(granularity.periodStart(request.from));
            assertThat(periods.get(periods.size() - 1).periodStart()).isEqualTo(granularity.periodStart(request.to));
            for (NewVsReturning m : periods) {
                assertThat(m.newCustomers()).as(granularity + " " + m.periodStart()).isEqualTo(newOnes.getOrDefault(m.periodStart(), Set.of()).size());
                assertThat(m.returningCustomers()).isEqualTo(returning.getOrDefault(m.periodStart(), Set.of()).size());
                assertThat(m.newCustomerRevenue()).isEqualByComparingTo(newRevenue.getOrDefault(m.periodStart(), BigDecimal.ZERO));
                assertThat(m.returningCustomerRevenue()).isEqualByComparingTo(returningRevenue.getOrDefault(m.periodStart(), BigDecimal.ZERO));
            }
        }
    }

    @Test
    void newVersusReturningAndCohortsUnderAStateFilterCountThatStatesCustomersOnly() {
        AnalysisRequest everyone = AnalysisRequest.none();
        AnalysisRequest state = AnalysisRequest.none();
        state.state = shop.customers().get(1).state();
        Set<Long> inState = shop.customers().stream().filter(c -> state.state.equals(c.state()))
                .map(ShopSnapshot.CustomerRow::id).collect(Collectors.toSet());
        long expectedNew = salesByCustomer.keySet().stream().filter(inState::contains).count();

        long newInState = customers.newVsReturning(state, Granularity.MONTH).stream().mapToLong(NewVsReturning::newCustomers).sum();
        long newOverall = customers.newVsReturning(everyone, Granularity.MONTH).stream().mapToLong(NewVsReturning::newCustomers).sum();
        long cohortMembers = customers.cohorts(state).stream().mapToLong(Cohort::customers).sum();

        assertThat(newInState).isPositive().isEqualTo(expectedNew).isEqualTo(cohortMembers).isLessThan(newOverall);
        assertThat(newOverall).isEqualTo(salesByCustomer.size());
    }

    @Test
    void cohortMatrixGivesTheShareOfEachFirstPurchaseMonthActiveLater() {
        Map<LocalDate, Set<Long>> members = new TreeMap<>();
        Map<LocalDate, Map<Long, Set<Long>>> active = new HashMap<>();
        salesByCustomer.forEach((customer, sales) -> {
            LocalDate cohort = sales.get(0).orderedAt().toLocalDate().withDayOfMonth(1);
            members.computeIfAbsent(cohort, c -> new HashSet<>()).add(customer);
            for (OrderRow o : sales) {
                long k = ChronoUnit.MONTHS.between(cohort, o.orderedAt().toLocalDate().withDayOfMonth(1));
                active.computeIfAbsent(cohort, c -> new HashMap<>()).computeIfAbsent(k, x -> new HashSet<>()).add(customer);
            }
        });

        List<Cohort> cohorts = customers.cohorts(AnalysisRequest.none());

        assertThat(cohorts).extracting(Cohort::cohortMonth).containsExactlyElementsOf(members.keySet());
        for (Cohort cohort : cohorts) {
            assertThat(cohort.customers()).isEqualTo(members.get(cohort.cohortMonth()).size());
            assertThat(cohort.activeShareByMonthOffset().get(0)).isEqualTo(1.0);
            for (int k = 0; k < cohort.activeShareByMonthOffset().size(); k++) {
                double expected = active.get(cohort.cohortMonth()).getOrDefault((long) k, Set.of()).size() / (double) cohort.customers();
                assertThat(cohort.activeShareByMonthOffset().get(k)).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void rfmScoresAreQuintilesWhereEqualValuesShareAScore() {
        LocalDate asOf = LocalDate.of(2024, 7, 1);
        Map<Long, long[]> recencyAndCount = new HashMap<>();
        Map<Long, BigDecimal> spent = new HashMap<>();
        salesByCustomer.forEach((customer, sales) -> {
            List<OrderRow> before = sales.stream().filter(o -> o.orderedAt().toLocalDate().isBefore(asOf)).toList();
            if (!before.isEmpty()) {
                LocalDate last = before.get(before.size() - 1).orderedAt().toLocalDate();
                recencyAndCount.put(customer, new long[] {ChronoUnit.DAYS.between(last, asOf), before.size()});
                spent.put(customer, revenue(before));
            }
        });
        int n = recencyAndCount.size();

        List<RfmScore> scores = customers.rfm(AnalysisRequest.none(), asOf);

        assertThat(scores).hasSize(n);
        for (RfmScore s : scores) {
            long[] rc = recencyAndCount.get(s.customerId());
            assertThat(s.recencyDays()).isEqualTo(rc[0]);
            assertThat(s.frequency()).isEqualTo(rc[1]);
            assertThat(s.monetary()).isEqualByComparingTo(spent.get(s.customerId()));
            long longerRecency = recencyAndCount.values().stream().filter(v -> v[0] > rc[0]).count();
            long fewerOrders = recencyAndCount.values().stream().filter(v -> v[1] < rc[1]).count();
            long spentLess = spent.values().stream().filter(v -> v.compareTo(spent.get(s.customerId())) < 0).count();
            assertThat(s.recencyScore()).isEqualTo(1 + (int) (5 * longerRecency / n));
            assertThat(s.frequencyScore()).isEqualTo(1 + (int) (5 * fewerOrders / n));
            assertThat(s.monetaryScore()).isEqualTo(1 + (int) (5 * spentLess / n));
        }
        assertThat(scores).extracting(RfmScore::monetaryScore).contains(1, 2, 3, 4, 5);
    }

    @Test
    void categoryCoverageRanksCustomersByShareOfTheCategoryBought() {
        Map<Long, ShopSnapshot.ProductRow> products = shop.productsById();
        Map<Long, Long> productsPerCategory = shop.products().stream().filter(p -> p.categoryId() != null)
                .collect(Collectors.groupingBy(ShopSnapshot.ProductRow::categoryId, Collectors.counting()));
        Map<Long, Map<Long, Set<Long>>> bought = new HashMap<>();
        Map<Long, OrderRow> orders = shop.ordersById();
        for (LineRow line : shop.lines()) {
            OrderRow o = orders.get(line.orderId());
            Long category = products.get(line.productId()).categoryId();
            if (reference.isSale(o) && o.customerId() != null && category != null) {
                bought.computeIfAbsent(category, c -> new HashMap<>()).computeIfAbsent(o.customerId(), c -> new HashSet<>()).add(line.productId());
            }
        }
        AnalysisRequest request = AnalysisRequest.none();
        request.size = 500;

        Page<CategoryCoverage> coverage = customers.categoryCoverage(request, 3);

        assertThat(coverage.total()).isEqualTo(productsPerCategory.size());
        for (CategoryCoverage category : coverage.items()) {
            Map<Long, Set<Long>> byCustomer = bought.getOrDefault(category.categoryId(), Map.of());
            List<Long> top = byCustomer.keySet().stream()
                    .sorted(Comparator.<Long>comparingInt(c -> -byCustomer.get(c).size()).thenComparing(c -> c)).limit(3).toList();
            assertThat(category.products()).isEqualTo(productsPerCategory.get(category.categoryId()));
            assertThat(category.topCustomers()).extracting(CategoryCoverage.CustomerCoverage::customerId).containsExactlyElementsOf(top);
            for (CategoryCoverage.CustomerCoverage c : category.topCustomers()) {
                assertThat(c.share()).isCloseTo(byCustomer.get(c.customerId()).size() / (double) category.products(), within(1e-12));
            }
        }
    }

    @Test
    void wishlistSuggestionsCountDistinctOrdersBuyingBoth() {
        Map<Long, Set<Long>> productsOfSale = salesProducts();
        Map<Long, Long> wishCount = shop.wishes().stream().collect(Collectors.groupingBy(ShopSnapshot.WishRow::productId, Collectors.counting()));
        AnalysisRequest request = AnalysisRequest.none();
        request.size = 8;
        List<Long> expectedWished = wishCount.keySet().stream()
                .sorted(Comparator.<Long>comparingLong(p -> -wishCount.get(p)).thenComparing(p -> p)).limit(8).toList();

        Page<WishlistSuggestions> page = baskets.wishlistSuggestions(request, 4);

        assertThat(page.total()).isEqualTo(wishCount.size());
        assertThat(page.items()).extracting(WishlistSuggestions::productId).containsExactlyElementsOf(expectedWished);
        for (WishlistSuggestions wished : page.items()) {
            Map<Long, Long> together = new HashMap<>();
            productsOfSale.values().stream().filter(ps -> ps.contains(wished.productId()))
                    .forEach(ps -> ps.stream().filter(p -> p != wished.productId()).forEach(p -> together.merge(p, 1L, Long::sum)));
            List<Long> top = together.keySet().stream()
                    .sorted(Comparator.<Long>comparingLong(p -> -together.get(p)).thenComparing(p -> p)).limit(4).toList();
            assertThat(wished.wishlistEntries()).isEqualTo(wishCount.get(wished.productId()));
            assertThat(wished.boughtWith()).extracting(WishlistSuggestions.CoPurchase::productId).containsExactlyElementsOf(top);
            wished.boughtWith().forEach(c -> assertThat(c.orders()).isEqualTo(together.get(c.productId())));
        }
    }

    @Test
    void boughtTogetherGivesSupportConfidenceAndLift() {
        Map<Long, Set<Long>> productsOfSale = salesProducts();
        double n = productsOfSale.size();
        Map<Long, Long> withProduct = new HashMap<>();
        Map<List<Long>, Long> pairs = new HashMap<>();
        for (Set<Long> basket : productsOfSale.values()) {
            basket.forEach(p -> withProduct.merge(p, 1L, Long::sum));
            for (long a : basket) {
                for (long b : basket) {
                    if (a < b) {
                        pairs.merge(List.of(a, b), 1L, Long::sum);
                    }
                }
            }
        }
        List<List<Long>> expected = pairs.keySet().stream().filter(p -> pairs.get(p) >= 2)
                .sorted(Comparator.<List<Long>>comparingLong(p -> -pairs.get(p)).thenComparing(p -> p.get(0)).thenComparing(p -> p.get(1)))
                .toList();
        AnalysisRequest request = AnalysisRequest.none();
        request.size = 50;

        Page<ProductPair> page = baskets.boughtTogether(request, 2);

        assertThat(expected).isNotEmpty();
        assertThat(page.total()).isEqualTo(expected.size());
        assertThat(page.items()).extracting(p -> List.of(p.productA(), p.productB())).containsExactlyElementsOf(expected.subList(0, Math.min(50, expected.size())));
        for (ProductPair p : page.items()) {
            double ab = pairs.get(List.of(p.productA(), p.productB()));
            double a = withProduct.get(p.productA());
            double b = withProduct.get(p.productB());
            assertThat(p.support()).isCloseTo(ab / n, within(1e-12));
            assertThat(p.confidenceAToB()).isCloseTo(ab / a, within(1e-12));
            assertThat(p.confidenceBToA()).isCloseTo(ab / b, within(1e-12));
            assertThat(p.lift()).isCloseTo(ab * n / (a * b), within(1e-9));
        }
    }

    /** The set of products of each sale (orders without lines have no basket but still count in N via their id). */
    private Map<Long, Set<Long>> salesProducts() {
        Map<Long, Set<Long>> baskets = new HashMap<>();
        shop.orders().stream().filter(reference::isSale).forEach(o -> baskets.put(o.id(), new HashSet<>()));
        for (LineRow line : shop.lines()) {
            Set<Long> basket = baskets.get(line.orderId());
            if (basket != null) {
                basket.add(line.productId());
            }
        }
        return baskets;
    }

    private static BigDecimal revenue(List<OrderRow> orders) {
        return orders.stream().map(OrderRow::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
