package com.commerceinsight.prediction.lifetime;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import com.commerceinsight.prediction.features.CustomerHistory;

/**
 * A customer's purchase history as the buy-till-you-die models see it at a cutoff, in days. A purchase is a UTC day
 * with at least one sale order (several orders on one day are one purchase, as in the models' papers and the
 * {@code lifetimes} library's daily summaries), so one busy day does not look like a frequent buyer.
 *
 * @param frequency       x: repeat purchases, the purchase days after the first
 * @param recencyDays     t_x: days from the first purchase day to the last
 * @param ageDays         T: days from the first purchase day to the cutoff
 * @param meanRepeatSpend the mean spend of the repeat purchase days (the first day left out, as Gamma-Gamma wants);
 *                        0 when frequency is 0
 */
public record CustomerSummary(int frequency, double recencyDays, double ageDays, double meanRepeatSpend) {

    /** The summary at the cutoff from the sale orders strictly before it; null when there is none. */
    public static CustomerSummary at(CustomerHistory history, LocalDateTime cutoff) {
        TreeMap<LocalDate, Double> spendByDay = new TreeMap<>();
        for (CustomerHistory.Order order : history.orders()) {
            if (!order.cancellationInvoice() && order.orderedAt().isBefore(cutoff)) {
                spendByDay.merge(order.orderedAt().toLocalDate(), order.totalAmount(), Double::sum);
            }
        }
        if (spendByDay.isEmpty()) {
            return null;
        }
        LocalDate first = spendByDay.firstKey();
        double repeatSpend = 0;
        for (Map.Entry<LocalDate, Double> day : spendByDay.tailMap(first, false).entrySet()) {
            repeatSpend += day.getValue();
        }
        int frequency = spendByDay.size() - 1;
        double age = Duration.between(first.atStartOfDay(), cutoff).toMillis() / 86_400_000.0;
        return new CustomerSummary(frequency, ChronoUnit.DAYS.between(first, spendByDay.lastKey()), age,
                frequency == 0 ? 0 : repeatSpend / frequency);
    }

    /** Purchases (distinct UTC days with a sale order) in (from, to]: what the models' expected purchases count. */
    public static int purchaseDaysIn(CustomerHistory history, LocalDateTime from, LocalDateTime to) {
        return (int) history.orders().stream()
                .filter(o -> !o.cancellationInvoice() && o.orderedAt().isAfter(from) && !o.orderedAt().isAfter(to))
                .map(o -> o.orderedAt().toLocalDate()).distinct().count();
    }
}
