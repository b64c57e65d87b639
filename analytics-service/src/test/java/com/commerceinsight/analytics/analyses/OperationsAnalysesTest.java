package com.commerceinsight.analytics.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.analyses.ShopSnapshot.OrderRow;
import com.commerceinsight.analytics.analyses.ShopSnapshot.PaymentRow;
import com.commerceinsight.analytics.analyses.discounts.DiscountCoverage;
import com.commerceinsight.analytics.analyses.discounts.DiscountQueries;
import com.commerceinsight.analytics.analyses.discounts.DiscountUsage;
import com.commerceinsight.analytics.analyses.operations.DailyCostOfGoods;
import com.commerceinsight.analytics.analyses.operations.DurationSummary;
import com.commerceinsight.analytics.analyses.operations.FulfilmentTimes;
import com.commerceinsight.analytics.analyses.operations.OperationsQueries;
import com.commerceinsight.analytics.analyses.operations.OrderStatusShare;
import com.commerceinsight.analytics.analyses.operations.PaymentMethodMix;
import com.commerceinsight.analytics.generator.ShopGenerator;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Analyses 5, 9, 12, discount coverage, payment mix and status breakdown on a generated shop, against the test's own computation. */
@QuarkusTest
@TestProfile(GeneratedShopProfile.class)
class OperationsAnalysesTest {

    @Inject
    ShopGenerator generator;
    @Inject
    DataSource dataSource;
    @Inject
    DiscountQueries discounts;
    @Inject
    OperationsQueries operations;

    ShopSnapshot shop;
    ReferenceSales reference;

    @BeforeEach
    void loadShop() throws Exception {
        shop = GeneratedShop.ensure(generator, dataSource);
        reference = new ReferenceSales(shop);
    }

    @Test
    void discountUsageCountsSalesWithALineUnderAValidProductOrCategoryCode() {
        Map<Long, ShopSnapshot.ProductRow> products = shop.productsById();
        Map<Long, List<ShopSnapshot.LineRow>> lines = shop.lines().stream().collect(Collectors.groupingBy(ShopSnapshot.LineRow::orderId));
        AnalysisRequest secondHalf = AnalysisRequest.none();
        secondHalf.from = LocalDate.of(2023, 7, 1);
        secondHalf.to = LocalDate.of(2023, 12, 31);
        AnalysisRequest delivered = AnalysisRequest.none();
        delivered.status = "delivered";
        for (AnalysisRequest request : List.of(AnalysisRequest.none(), secondHalf, delivered)) {
            List<OrderRow> sales = shop.orders().stream().filter(reference.sales(request)).toList();
            long discounted = sales.stream().filter(o -> lines.getOrDefault(o.id(), List.of()).stream().anyMatch(l -> shop.discounts().stream()
                    .anyMatch(d -> !d.startsAt().isAfter(o.orderedAt()) && d.endsAt().isAfter(o.orderedAt())
                            && (Long.valueOf(l.productId()).equals(d.productId())
                                    || d.categoryId() != null && d.categoryId().equals(products.get(l.productId()).categoryId())))))
                    .count();

            DiscountUsage usage = discounts.usage(request);

            assertThat(discounted).isPositive().isLessThan(sales.size());
            assertThat(usage.orders()).isEqualTo(sales.size());
            assertThat(usage.ordersWithDiscountedLine()).isEqualTo(discounted);
            assertThat(usage.share()).isCloseTo((double) discounted / sales.size(), within(1e-12));
        }
    }

    @Test
    void discountCoverageIsTheShareOfCodesTiedToAProduct() {
        long codes = shop.discounts().size();
        long product = shop.discounts().stream().filter(d -> d.productId() != null).count();

        DiscountCoverage coverage = discounts.coverage();

        assertThat(coverage.codes()).isEqualTo(codes);
        assertThat(coverage.tiedToProduct()).isEqualTo(product);
        assertThat(coverage.tiedToCategory()).isEqualTo(shop.discounts().stream().filter(d -> d.categoryId() != null).count());
        assertThat(coverage.productShare()).isCloseTo((double) product / codes, within(1e-12));
    }

    @Test
    void dailyCostOfGoodsHasACalendarThirtyDayMovingAverage() {
        Map<Long, ShopSnapshot.ProductRow> products = shop.productsById();
        Map<LocalDate, BigDecimal> cost = new HashMap<>();
        LocalDate firstDay = null;
        for (ShopSnapshot.MovementRow m : shop.movements()) {
            if (m.type().equals("sale") || m.type().equals("return")) {
                LocalDate day = m.movedAt().toLocalDate();
                cost.merge(day, products.get(m.productId()).price().multiply(BigDecimal.valueOf(-m.quantity())), BigDecimal::add);
                firstDay = firstDay == null || day.isBefore(firstDay) ? day : firstDay;
            }
        }
        AnalysisRequest request = AnalysisRequest.none();
        request.from = firstDay.plusDays(10);
        request.to = firstDay.plusDays(80);

        List<DailyCostOfGoods> days = operations.dailyCostOfGoods(request);

        assertThat(days).hasSize(71);
        assertThat(days).anyMatch(d -> d.costOfGoods().signum() == 0);
        for (DailyCostOfGoods d : days) {
            assertThat(d.costOfGoods()).isEqualByComparingTo(cost.getOrDefault(d.day(), BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP));
            if (d.day().isBefore(firstDay.plusDays(29))) {
                assertThat(d.movingAverage30Days()).isNull();
            } else {
                BigDecimal sum = BigDecimal.ZERO;
                for (int back = 0; back < 30; back++) {
                    sum = sum.add(cost.getOrDefault(d.day().minusDays(back), BigDecimal.ZERO));
                }
                assertThat(d.movingAverage30Days()).isEqualByComparingTo(sum.divide(BigDecimal.valueOf(30), 2, RoundingMode.HALF_UP));
            }
        }
    }

    @Test
    void fulfilmentTimesMeasureShipmentAndDeliveryAndLateness() {
        Map<Long, LocalDateTime> firstShipment = new HashMap<>();
        shop.shipments().stream().filter(s -> s.shippedAt() != null)
                .forEach(s -> firstShipment.merge(s.orderId(), s.shippedAt(), (a, b) -> a.isBefore(b) ? a : b));
        // No filter: the kept hour counts with the median and p90 found by rank; a state: counted from the orders.
        for (AnalysisRequest request : List.of(AnalysisRequest.none(), inState())) {
            List<Double> ship = new ArrayList<>();
            List<Double> deliver = new ArrayList<>();
            long estimated = 0;
            long late = 0;
            for (OrderRow o : shop.orders().stream().filter(reference.sales(request)).toList()) {
                LocalDateTime shipped = o.shippedAt() != null ? o.shippedAt() : firstShipment.get(o.id());
                if (shipped != null) {
                    ship.add(Duration.between(o.orderedAt(), shipped).toMillis() / 86_400_000.0);
                }
                if (o.deliveredAt() != null) {
                    deliver.add(Duration.between(o.orderedAt(), o.deliveredAt()).toMillis() / 86_400_000.0);
                    if (o.estimatedAt() != null) {
                        estimated++;
                        late += o.deliveredAt().isAfter(o.estimatedAt()) ? 1 : 0;
                    }
                }
            }

            FulfilmentTimes times = operations.fulfilmentTimes(request);

            assertThat(times.inconsistentOrders()).isZero();
            assertSummary(times.toShipment(), ship);
            assertSummary(times.toDelivery(), deliver);
            assertThat(estimated).isPositive();
            assertThat(times.deliveriesWithEstimate()).isEqualTo(estimated);
            assertThat(times.lateDeliveries()).isEqualTo(late);
            assertThat(times.lateShare()).isCloseTo((double) late / estimated, within(1e-12));
        }
    }

    @Test
    void paymentMixGivesSuccessRatesPerMethod() {
        Map<Long, OrderRow> orders = shop.ordersById();
        for (AnalysisRequest request : List.of(AnalysisRequest.none(), since2024(), inState())) {
            Map<String, List<PaymentRow>> byMethod = shop.payments().stream()
                    .filter(p -> orders.get(p.orderId()).kind().equals("sale") && reference.matches(request, orders.get(p.orderId())))
                    .collect(Collectors.groupingBy(PaymentRow::method));
            BigDecimal allSucceeded = byMethod.values().stream().flatMap(List::stream).filter(p -> p.status().equals("succeeded"))
                    .map(PaymentRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);

            List<PaymentMethodMix> mix = operations.paymentMethodMix(request);

            assertThat(mix).extracting(PaymentMethodMix::method).containsExactlyElementsOf(byMethod.keySet().stream().sorted().toList());
            for (PaymentMethodMix m : mix) {
                List<PaymentRow> rows = byMethod.get(m.method());
                long succeeded = rows.stream().filter(p -> p.status().equals("succeeded")).count();
                long failed = rows.stream().filter(p -> p.status().equals("failed")).count();
                BigDecimal amount = rows.stream().filter(p -> p.status().equals("succeeded")).map(PaymentRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(m.attempts()).isEqualTo(rows.size());
                assertThat(m.succeeded()).isEqualTo(succeeded);
                assertThat(m.failed()).isEqualTo(failed);
                assertThat(m.refunded()).isEqualTo(rows.stream().filter(p -> p.status().equals("refunded")).count());
                assertThat(m.pending()).isEqualTo(rows.stream().filter(p -> p.status().equals("pending")).count());
                assertThat(m.successRate()).isCloseTo((double) succeeded / (succeeded + failed), within(1e-12));
                assertThat(m.succeededAmount()).isEqualByComparingTo(amount);
                assertThat(m.shareOfSucceededAmount()).isCloseTo(amount.doubleValue() / allSucceeded.doubleValue(), within(1e-9));
            }
            assertThat(mix).anyMatch(m -> m.failed() > 0);
        }
    }

    @Test
    void statusBreakdownCountsEveryOrderOnce() {
        for (AnalysisRequest request : List.of(since2024(), inState())) {
            List<OrderRow> matching = shop.orders().stream().filter(o -> o.kind().equals("sale") && reference.matches(request, o)).toList();
            Map<String, Long> counts = matching.stream().collect(Collectors.groupingBy(OrderRow::status, Collectors.counting()));
            Map<String, BigDecimal> amounts = matching.stream()
                    .collect(Collectors.groupingBy(OrderRow::status, Collectors.reducing(BigDecimal.ZERO, OrderRow::total, BigDecimal::add)));
            long all = counts.values().stream().mapToLong(c -> c).sum();

            List<OrderStatusShare> statuses = operations.statusBreakdown(request);

            assertThat(statuses).extracting(OrderStatusShare::status).containsExactlyInAnyOrderElementsOf(counts.keySet());
            assertThat(statuses).extracting(OrderStatusShare::status).contains("cancelled", "delivered");
            for (OrderStatusShare s : statuses) {
                assertThat(s.orders()).isEqualTo(counts.get(s.status()));
                assertThat(s.share()).isCloseTo((double) counts.get(s.status()) / all, within(1e-12));
                assertThat(s.amount()).isEqualByComparingTo(amounts.get(s.status()));
            }
        }
    }

    private static AnalysisRequest since2024() {
        AnalysisRequest request = AnalysisRequest.none();
        request.from = LocalDate.of(2024, 1, 1);
        return request;
    }

    private AnalysisRequest inState() {
        AnalysisRequest request = AnalysisRequest.none();
        request.state = shop.customers().get(1).state();
        return request;
    }

    private static void assertSummary(DurationSummary summary, List<Double> days) {
        List<Double> sorted = days.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        assertThat(n).isPositive();
        assertThat(summary.orders()).isEqualTo(n);
        assertThat(summary.averageDays()).isCloseTo(sorted.stream().mapToDouble(d -> d).sum() / n, within(1e-6));
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        assertThat(summary.medianDays()).isCloseTo(median, within(1e-6));
        assertThat(summary.p90Days()).isCloseTo(sorted.get((int) Math.ceil(0.9 * n) - 1), within(1e-6));
        assertThat(summary.histogram().stream().mapToLong(DurationSummary.DayBucket::orders).sum()).isEqualTo(n);
        assertThat(summary.histogram().get(2).orders()).isEqualTo(sorted.stream().filter(d -> d >= 2 && d < 3).count());
    }
}
