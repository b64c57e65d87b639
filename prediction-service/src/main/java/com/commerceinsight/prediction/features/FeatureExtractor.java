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

    /** The window of {@link RepurchaseFeature#ORDERS_LAST_90_DAYS}. */
    public static final int RECENT_ORDER_DAYS = 90;
    /** The window of {@link RepurchaseFeature#WISHLIST_LAST_60_DAYS}. */
    public static final int RECENT_WISHLIST_DAYS = 60;

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
        }
        long returns = history.returns.stream().filter(returned -> before(returned.at(), cutoff)).count();

        f[TOTAL_ORDERS.ordinal()] = orders;
        f[ACTIVE_MONTHS.ordinal()] = months.size();
        f[COMPLETION_RATE.ordinal()] = ratio(delivered, orders);
        f[AVERAGE_RATING.ordinal()] = history.reviews.stream().filter(r -> before(r.at(), cutoff))
                .mapToInt(CustomerHistory.Review::rating).average().orElse(Double.NaN);
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
        f[DISTINCT_CATEGORIES.ordinal()] = categories.size();
        f[DISTINCT_PRODUCTS.ordinal()] = products.size();
        f[FAILED_PAYMENTS.ordinal()] = history.payments.stream().filter(p -> p.failed() && before(p.at(), cutoff)).count();
        double[] gaps = gapsInDays(sales);
        f[MEAN_DAYS_BETWEEN_ORDERS.ordinal()] = gaps.length >= 1 ? mean(gaps) : Double.NaN;
        f[SD_DAYS_BETWEEN_ORDERS.ordinal()] = gaps.length >= 2 ? sampleSd(gaps) : Double.NaN;
        setTimeDependent(f, anchors(history, cutoff), cutoff);
        return f;
    }

    /** The dates the time-dependent features count from, as known at the cutoff. */
    public static TimeAnchors anchors(CustomerHistory history, LocalDateTime cutoff) {
        List<LocalDateTime> sales = history.orders.stream()
                .filter(o -> !o.cancellationInvoice() && o.orderedAt().isBefore(cutoff))
                .map(CustomerHistory.Order::orderedAt).sorted().toList();
        return new TimeAnchors(history.registeredAt(), sales.isEmpty() ? null : sales.get(0),
                sales.isEmpty() ? null : sales.get(sales.size() - 1),
                sales.stream().filter(at -> at.isAfter(cutoff.minusDays(RECENT_ORDER_DAYS))).toList(),
                history.wishlistAdds.stream().filter(at -> before(at, cutoff) && !at.isBefore(cutoff.minusDays(RECENT_WISHLIST_DAYS)))
                        .sorted().toList());
    }

    /**
     * The feature vector computed at {@code computedAt}, moved to the later time {@code now}: only the features that
     * change with the clock (recency, tenure, the pace per month, the recent windows) are recomputed, from the anchors
     * stored with the vector. Equal to {@link #extract} at {@code now} when nothing happened in between.
     */
    public static double[] ageTo(double[] computed, TimeAnchors anchors, LocalDateTime computedAt, LocalDateTime now) {
        if (now.isBefore(computedAt)) {
            throw new IllegalArgumentException("cannot age features computed at " + computedAt + " back to " + now);
        }
        double[] f = computed.clone();
        setTimeDependent(f, anchors, now);
        return f;
    }

    /** The clock-dependent features, from the anchors and the count features already in {@code f}. */
    private static void setTimeDependent(double[] f, TimeAnchors anchors, LocalDateTime cutoff) {
        LocalDateTime since = anchors.registeredAt() != null && anchors.registeredAt().isBefore(cutoff) ? anchors.registeredAt()
                : anchors.firstOrderAt() != null ? anchors.firstOrderAt() : cutoff;
        double tenureDays = Math.max(0, days(since, cutoff));
        double meanGap = f[MEAN_DAYS_BETWEEN_ORDERS.ordinal()];
        f[TENURE_DAYS.ordinal()] = tenureDays;
        f[ORDERS_PER_MONTH.ordinal()] = f[TOTAL_ORDERS.ordinal()] / Math.max(1, tenureDays / DAYS_PER_MONTH);
        f[DAYS_SINCE_LAST_ORDER.ordinal()] = anchors.lastOrderAt() != null ? days(anchors.lastOrderAt(), cutoff) : Double.NaN;
        f[DAYS_SINCE_FIRST_ORDER.ordinal()] = anchors.firstOrderAt() != null ? days(anchors.firstOrderAt(), cutoff) : Double.NaN;
        f[ORDERS_LAST_90_DAYS.ordinal()] = anchors.recentOrders().stream()
                .filter(at -> at.isBefore(cutoff) && at.isAfter(cutoff.minusDays(RECENT_ORDER_DAYS))).count();
        f[WISHLIST_LAST_60_DAYS.ordinal()] = anchors.recentWishlistAdds().stream()
                .filter(at -> before(at, cutoff) && !at.isBefore(cutoff.minusDays(RECENT_WISHLIST_DAYS))).count();
        f[RECENCY_OVER_MEAN_GAP.ordinal()] = !Double.isNaN(meanGap) && meanGap > 0
                ? f[DAYS_SINCE_LAST_ORDER.ordinal()] / meanGap : Double.NaN;
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
