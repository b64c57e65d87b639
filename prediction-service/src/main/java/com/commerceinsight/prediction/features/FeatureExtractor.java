package com.commerceinsight.prediction.features;

import static com.commerceinsight.prediction.features.RepurchaseFeature.*;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Computes a customer's feature vector at a cutoff T from the facts known strictly before T: an order's later
 * delivery, cancellation, return or review does not count until it happened. Plain Java, so the same code serves
 * training snapshots, live scoring and tests.
 */
public final class FeatureExtractor {

    private static final double DAYS_PER_MONTH = 365.25 / 12;
    private static final double SECONDS_PER_DAY = 86_400;

    private FeatureExtractor() {
    }

    public static double[] extract(CustomerHistory history, LocalDateTime cutoff) {
        double[] f = new double[RepurchaseFeature.values().length];
        List<CustomerHistory.Order> sales = history.orders.stream()
                .filter(o -> !o.cancellationInvoice() && o.orderedAt().isBefore(cutoff))
                .sorted(java.util.Comparator.comparing(CustomerHistory.Order::orderedAt)).toList();
        long cancellationInvoices = history.orders.stream()
                .filter(o -> o.cancellationInvoice() && o.orderedAt().isBefore(cutoff)).count();
        int orders = sales.size();
        Set<YearMonth> months = new HashSet<>();
        Set<java.time.LocalDate> days = new HashSet<>();
        Set<Long> categories = new HashSet<>();
        Set<Long> products = new HashSet<>();
        int delivered = 0;
        int shipped = 0;
        int cancelled = 0;
        int recent = 0;
        double spent = 0;
        for (CustomerHistory.Order o : sales) {
            months.add(YearMonth.from(o.orderedAt()));
            days.add(o.orderedAt().toLocalDate());
            for (long c : o.categoryIds()) {
                categories.add(c);
            }
            for (long p : o.productIds()) {
                products.add(p);
            }
            boolean wasDelivered = before(o.deliveredAt(), cutoff);
            delivered += wasDelivered ? 1 : 0;
            shipped += before(o.shippedAt(), cutoff) || wasDelivered ? 1 : 0;
            boolean wasCancelled = before(o.cancelledAt(), cutoff);
            cancelled += wasCancelled ? 1 : 0;
            spent += wasCancelled ? 0 : o.totalAmount();
            recent += o.orderedAt().isAfter(cutoff.minusDays(90)) ? 1 : 0;
        }
        LocalDateTime since = history.registeredAt() != null && history.registeredAt().isBefore(cutoff) ? history.registeredAt()
                : orders > 0 ? sales.get(0).orderedAt() : cutoff;
        double tenureDays = Math.max(0, days(since, cutoff));
        long returns = history.returns.stream().filter(at -> before(at, cutoff)).count();

        f[TOTAL_ORDERS.ordinal()] = orders;
        f[ACTIVE_MONTHS.ordinal()] = months.size();
        f[ORDERS_PER_MONTH.ordinal()] = orders / Math.max(1, tenureDays / DAYS_PER_MONTH);
        f[DAYS_SINCE_LAST_ORDER.ordinal()] = orders > 0 ? days(sales.get(orders - 1).orderedAt(), cutoff) : Double.NaN;
        f[COMPLETION_RATE.ordinal()] = ratio(delivered, orders);
        f[AVERAGE_RATING.ordinal()] = history.reviews.stream().filter(r -> before(r.at(), cutoff))
                .mapToInt(CustomerHistory.Review::rating).average().orElse(Double.NaN);
        f[WISHLIST_LAST_60_DAYS.ordinal()] = history.wishlistAdds.stream()
                .filter(at -> before(at, cutoff) && !at.isBefore(cutoff.minusDays(60))).count();
        f[SUCCESSFUL_PAYMENTS.ordinal()] = history.payments.stream().filter(p -> p.succeeded() && before(p.at(), cutoff)).count();
        f[TOTAL_SPENT.ordinal()] = spent;
        f[AVERAGE_ORDER_VALUE.ordinal()] = orders > cancelled ? spent / (orders - cancelled) : 0;
        f[DELIVERY_RATE.ordinal()] = ratio(delivered, shipped);
        f[CANCEL_RATE.ordinal()] = ratio(cancelled + cancellationInvoices, orders);
        f[ACTIVE_DAYS.ordinal()] = days.size();
        f[RETURNS.ordinal()] = returns;
        f[RETURN_RATE.ordinal()] = ratio(returns, delivered);
        f[WISHLIST_ITEMS.ordinal()] = history.wishlistAdds.stream().filter(at -> before(at, cutoff)).count();
        f[SESSION_COUNT.ordinal()] = history.sessions.stream().filter(s -> before(s.startedAt(), cutoff)).count();
        f[AVERAGE_SESSION_MINUTES.ordinal()] = history.sessions.stream()
                .filter(s -> s.endedAt() != null && before(s.endedAt(), cutoff))
                .mapToDouble(s -> Duration.between(s.startedAt(), s.endedAt()).toSeconds() / 60.0).average().orElse(Double.NaN);
        f[TENURE_DAYS.ordinal()] = tenureDays;
        f[DISTINCT_CATEGORIES.ordinal()] = categories.size();
        f[DISTINCT_PRODUCTS.ordinal()] = products.size();
        f[FAILED_PAYMENTS.ordinal()] = history.payments.stream().filter(p -> p.failed() && before(p.at(), cutoff)).count();
        double[] gaps = gapsInDays(sales);
        f[MEAN_DAYS_BETWEEN_ORDERS.ordinal()] = gaps.length >= 1 ? mean(gaps) : Double.NaN;
        f[SD_DAYS_BETWEEN_ORDERS.ordinal()] = gaps.length >= 2 ? sampleSd(gaps) : Double.NaN;
        f[ORDERS_LAST_90_DAYS.ordinal()] = recent;
        f[DAYS_SINCE_FIRST_ORDER.ordinal()] = orders > 0 ? days(sales.get(0).orderedAt(), cutoff) : Double.NaN;
        f[RECENCY_OVER_MEAN_GAP.ordinal()] = gaps.length >= 1 && mean(gaps) > 0
                ? f[DAYS_SINCE_LAST_ORDER.ordinal()] / mean(gaps) : Double.NaN;
        return f;
    }

    private static boolean before(LocalDateTime at, LocalDateTime cutoff) {
        return at != null && at.isBefore(cutoff);
    }

    private static double days(LocalDateTime from, LocalDateTime to) {
        return Duration.between(from, to).toSeconds() / SECONDS_PER_DAY;
    }

    private static double ratio(double part, double whole) {
        return whole > 0 ? part / whole : 0;
    }

    private static double[] gapsInDays(List<CustomerHistory.Order> sorted) {
        double[] gaps = new double[Math.max(0, sorted.size() - 1)];
        for (int i = 1; i < sorted.size(); i++) {
            gaps[i - 1] = days(sorted.get(i - 1).orderedAt(), sorted.get(i).orderedAt());
        }
        return gaps;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sampleSd(double[] values) {
        double m = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - m) * (v - m);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
