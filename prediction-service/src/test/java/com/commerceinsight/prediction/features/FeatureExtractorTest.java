package com.commerceinsight.prediction.features;

import static com.commerceinsight.prediction.features.RepurchaseFeature.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Features and labels of a hand-built shop at T = 2024-03-01; every expected value is counted by hand. */
class FeatureExtractorTest {

    static final LocalDateTime T = LocalDateTime.of(2024, 3, 1, 0, 0);

    static LocalDateTime at(String isoDateTime) {
        return LocalDateTime.parse(isoDateTime);
    }

    static CustomerHistory.Order order(long id, String orderedAt, double total, String shippedAt, String deliveredAt,
                                       String cancelledAt, long[] categories, long[] products) {
        return new CustomerHistory.Order(id, at(orderedAt), false, total, shippedAt == null ? null : at(shippedAt),
                deliveredAt == null ? null : at(deliveredAt), cancelledAt == null ? null : at(cancelledAt), categories, products);
    }

    /** Three orders before T (one delivered only after T), one in (T, T + 90], one later; reviews, sessions and more. */
    static CustomerHistory alice() {
        return new CustomerHistory(1, at("2024-01-01T00:00"))
                .order(order(11, "2024-01-10T00:00", 100, "2024-01-12T00:00", "2024-01-15T00:00", null, new long[] {1}, new long[] {10}))
                .order(order(12, "2024-02-10T00:00", 50, null, "2024-02-20T00:00", null, new long[] {2}, new long[] {20}))
                .order(order(13, "2024-02-25T00:00", 30, "2024-02-27T00:00", "2024-03-05T00:00", null, new long[] {1}, new long[] {10, 30}))
                .order(order(14, "2024-03-10T00:00", 70, null, null, null, new long[] {3}, new long[] {40}))
                .order(order(15, "2024-07-01T00:00", 70, null, null, null, new long[] {3}, new long[] {40}))
                .payment(new CustomerHistory.Payment(at("2024-01-10T00:05"), true, false))
                .payment(new CustomerHistory.Payment(at("2024-02-10T00:05"), true, false))
                .payment(new CustomerHistory.Payment(at("2024-02-25T00:05"), false, true))
                .payment(new CustomerHistory.Payment(at("2024-03-10T00:05"), true, false))
                .returned(at("2024-01-25T00:00"))
                .returned(at("2024-03-20T00:00"))
                .review(new CustomerHistory.Review(at("2024-01-20T00:00"), 4))
                .review(new CustomerHistory.Review(at("2024-03-03T00:00"), 1))
                .wishlisted(at("2023-12-01T00:00"))
                .wishlisted(at("2024-02-15T00:00"))
                .wishlisted(at("2024-03-15T00:00"))
                .session(new CustomerHistory.Session(at("2024-02-24T10:00"), at("2024-02-24T10:30")))
                .session(new CustomerHistory.Session(at("2024-02-29T23:50"), at("2024-03-01T00:10")))
                .session(new CustomerHistory.Session(at("2024-03-09T10:00"), at("2024-03-09T11:00")));
    }

    /** One order cancelled before T, one cancelled only after T; nothing after. */
    static CustomerHistory bob() {
        return new CustomerHistory(2, null)
                .order(order(21, "2024-02-01T00:00", 25, null, null, "2024-02-02T00:00", new long[0], new long[] {50}))
                .order(order(22, "2024-02-28T00:00", 40, null, null, "2024-03-02T00:00", new long[0], new long[] {50}));
    }

    @Test
    void featuresCountOnlyWhatWasKnownBeforeTheCutoff() {
        double[] f = FeatureExtractor.extract(alice(), T);
        assertThat(f[TOTAL_ORDERS.ordinal()]).isEqualTo(3);
        assertThat(f[ACTIVE_MONTHS.ordinal()]).isEqualTo(2);
        assertThat(f[TENURE_DAYS.ordinal()]).isEqualTo(60); // 31 days of January + 29 of February 2024
        assertThat(f[ORDERS_PER_MONTH.ordinal()]).isCloseTo(3 / (60 / 30.4375), within(1e-9));
        assertThat(f[DAYS_SINCE_LAST_ORDER.ordinal()]).isEqualTo(5);
        assertThat(f[COMPLETION_RATE.ordinal()]).isCloseTo(2 / 3.0, within(1e-12)); // order 13 is delivered after T
        assertThat(f[DELIVERY_RATE.ordinal()]).isCloseTo(2 / 3.0, within(1e-12)); // three shipped by T, two delivered
        assertThat(f[AVERAGE_RATING.ordinal()]).isEqualTo(4); // the 1-star review comes after T
        assertThat(f[WISHLIST_LAST_60_DAYS.ordinal()]).isEqualTo(1);
        assertThat(f[WISHLIST_ITEMS.ordinal()]).isEqualTo(2);
        assertThat(f[SUCCESSFUL_PAYMENTS.ordinal()]).isEqualTo(2);
        assertThat(f[FAILED_PAYMENTS.ordinal()]).isEqualTo(1);
        assertThat(f[TOTAL_SPENT.ordinal()]).isEqualTo(180);
        assertThat(f[AVERAGE_ORDER_VALUE.ordinal()]).isEqualTo(60);
        assertThat(f[CANCEL_RATE.ordinal()]).isZero();
        assertThat(f[ACTIVE_DAYS.ordinal()]).isEqualTo(3);
        assertThat(f[RETURNS.ordinal()]).isEqualTo(1);
        assertThat(f[RETURN_RATE.ordinal()]).isEqualTo(0.5);
        assertThat(f[SESSION_COUNT.ordinal()]).isEqualTo(2);
        assertThat(f[AVERAGE_SESSION_MINUTES.ordinal()]).isEqualTo(30); // the session running over T has not ended
        assertThat(f[DISTINCT_CATEGORIES.ordinal()]).isEqualTo(2);
        assertThat(f[DISTINCT_PRODUCTS.ordinal()]).isEqualTo(3);
        assertThat(f[MEAN_DAYS_BETWEEN_ORDERS.ordinal()]).isEqualTo(23); // gaps 31 and 15
        assertThat(f[SD_DAYS_BETWEEN_ORDERS.ordinal()]).isCloseTo(Math.sqrt(128), within(1e-9));
        assertThat(f[ORDERS_LAST_90_DAYS.ordinal()]).isEqualTo(3);
        assertThat(f[DAYS_SINCE_FIRST_ORDER.ordinal()]).isEqualTo(51);
        assertThat(f[RECENCY_OVER_MEAN_GAP.ordinal()]).isCloseTo(5 / 23.0, within(1e-12));
    }

    @Test
    void aCancellationCountsFromWhenItHappened() {
        double[] f = FeatureExtractor.extract(bob(), T);
        assertThat(f[TOTAL_ORDERS.ordinal()]).isEqualTo(2);
        assertThat(f[CANCEL_RATE.ordinal()]).isEqualTo(0.5);
        assertThat(f[TOTAL_SPENT.ordinal()]).isEqualTo(40);
        assertThat(f[AVERAGE_ORDER_VALUE.ordinal()]).isEqualTo(40);
        assertThat(f[AVERAGE_RATING.ordinal()]).isNaN();
        assertThat(f[SD_DAYS_BETWEEN_ORDERS.ordinal()]).isNaN();
        assertThat(f[TENURE_DAYS.ordinal()]).isEqualTo(29); // no registration date: from the first order
    }

    @Test
    void featuresDoNotChangeWhenOnlyTheFutureChanges() {
        CustomerHistory withoutFuture = new CustomerHistory(1, at("2024-01-01T00:00"));
        alice().orders.stream().filter(o -> o.orderedAt().isBefore(T)).map(o -> new CustomerHistory.Order(o.orderId(), o.orderedAt(),
                false, o.totalAmount(), o.shippedAt(), o.deliveredAt() != null && o.deliveredAt().isBefore(T) ? o.deliveredAt() : null,
                null, o.categoryIds(), o.productIds())).forEach(withoutFuture::order);
        alice().payments.stream().filter(p -> p.at().isBefore(T)).forEach(withoutFuture::payment);
        withoutFuture.returned(at("2024-01-25T00:00")).review(new CustomerHistory.Review(at("2024-01-20T00:00"), 4))
                .wishlisted(at("2023-12-01T00:00")).wishlisted(at("2024-02-15T00:00"))
                .session(new CustomerHistory.Session(at("2024-02-24T10:00"), at("2024-02-24T10:30")))
                .session(new CustomerHistory.Session(at("2024-02-29T23:50"), null));
        assertThat(FeatureExtractor.extract(withoutFuture, T)).containsExactly(FeatureExtractor.extract(alice(), T));
    }

    @Test
    void labelIsAnOrderInsideTheHorizon() {
        assertThat(RepurchaseLabeler.label(alice(), T, 90)).isEqualTo(1);
        assertThat(RepurchaseLabeler.label(alice(), T, 5)).isZero(); // the next order is on day 9
        assertThat(RepurchaseLabeler.label(alice(), at("2024-03-10T00:00"), 90)).isZero(); // (T, T + H] excludes T itself
        assertThat(RepurchaseLabeler.label(bob(), T, 90)).isZero();
    }

    @Test
    void snapshotHoldsCustomersWithAnOrderBeforeTheCutoff() {
        CustomerHistory onlyCancellationInvoice = new CustomerHistory(3, null).order(new CustomerHistory.Order(31,
                at("2024-02-01T00:00"), true, -10, null, null, null, new long[0], new long[0]));
        CustomerHistory newcomer = new CustomerHistory(4, null).order(order(41, "2024-03-05T00:00", 10, null, null, null,
                new long[0], new long[0]));
        Snapshot snapshot = Snapshot.at(List.of(alice(), bob(), onlyCancellationInvoice, newcomer), T, 90);
        assertThat(snapshot.customerIds()).containsExactly(1, 2);
        assertThat(snapshot.labels()).containsExactly(1, 0);
        assertThat(snapshot.positives()).isEqualTo(1);
    }
}
