package com.commerceinsight.analytics.analyses.operations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fills the calendar days without movements with zero and adds the 30-day moving average. Done in Java because a SQL
 * window "ROWS 29 PRECEDING" over grouped rows would span 30 days WITH movements, not 30 calendar days.
 */
final class CostOfGoodsSeries {

    static final int WINDOW_DAYS = 30;

    private CostOfGoodsSeries() {
    }

    /**
     * @param costByDay  daily costs from firstDataDay on (days before the listed range included, for the window)
     * @param firstDataDay the first day with data: the average is null until a full window of data lies behind a day
     */
    static List<DailyCostOfGoods> of(Map<LocalDate, BigDecimal> costByDay, LocalDate firstDataDay, LocalDate first, LocalDate last) {
        List<DailyCostOfGoods> series = new ArrayList<>();
        BigDecimal window = BigDecimal.ZERO;
        for (LocalDate day = first.isBefore(firstDataDay) ? first : firstDataDay; !day.isAfter(last); day = day.plusDays(1)) {
            BigDecimal cost = costByDay.getOrDefault(day, BigDecimal.ZERO);
            window = window.add(cost).subtract(costByDay.getOrDefault(day.minusDays(WINDOW_DAYS), BigDecimal.ZERO));
            boolean fullWindow = !day.minusDays(WINDOW_DAYS - 1).isBefore(firstDataDay);
            if (!day.isBefore(first)) {
                series.add(new DailyCostOfGoods(day, cost.setScale(2, RoundingMode.HALF_UP),
                        fullWindow ? window.divide(BigDecimal.valueOf(WINDOW_DAYS), 2, RoundingMode.HALF_UP) : null));
            }
        }
        return series;
    }
}
