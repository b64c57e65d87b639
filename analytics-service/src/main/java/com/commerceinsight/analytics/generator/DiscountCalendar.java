package com.commerceinsight.analytics.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.commerceinsight.analytics.jdbc.CommerceTable;

/**
 * Discount periods on categories and single products, written to the discount table and applied to the unit price
 * of every line ordered while one is running (the largest applicable percentage wins). Every leaf category also
 * gets the Black Friday weekend (Friday to Monday) of each November in the window.
 */
final class DiscountCalendar {

    private static final int[] CATEGORY_PERCENTAGES = {10, 15, 20, 25, 30};
    private static final int BLACK_FRIDAY_PERCENTAGE = 20;

    /** A running discount: [startDay, endDay) on the window's day axis. */
    private record Period(double startDay, double endDay, int percentage) {
        boolean covers(double t) {
            return t >= startDay && t < endDay;
        }
    }

    private final List<List<Period>> byLeaf = new ArrayList<>();
    private final List<List<Period>> byProduct = new ArrayList<>();

    private DiscountCalendar(Catalogue catalogue) {
        for (int leaf = 0; leaf < catalogue.leaves(); leaf++) {
            byLeaf.add(new ArrayList<>());
        }
        for (int p = 0; p < catalogue.products(); p++) {
            byProduct.add(new ArrayList<>());
        }
    }

    static DiscountCalendar generate(Catalogue catalogue, GeneratorSettings settings, SplittableRandom rng, ShopTables tables)
            throws SQLException {
        DiscountCalendar calendar = new DiscountCalendar(catalogue);
        Writer writer = calendar.new Writer(settings, tables);
        int days = settings.windowDays();
        for (int leaf = 0; leaf < catalogue.leaves(); leaf++) {
            int periods = RandomVariates.poisson(rng, 1.5);
            for (int i = 0; i < periods; i++) {
                int start = rng.nextInt(days);
                writer.add(calendar.byLeaf.get(leaf), "SALE", start, start + 7 + rng.nextInt(15),
                        CATEGORY_PERCENTAGES[rng.nextInt(CATEGORY_PERCENTAGES.length)], null, catalogue.leafId(leaf));
            }
        }
        for (LocalDate november = settings.start().withDayOfMonth(1).withMonth(11); november.isBefore(settings.end());
             november = november.plusYears(1)) {
            LocalDate blackFriday = november.with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.FRIDAY));
            int start = (int) ChronoUnit.DAYS.between(settings.start(), blackFriday);
            if (start >= 0 && start < days) {
                for (int leaf = 0; leaf < catalogue.leaves(); leaf++) {
                    writer.add(calendar.byLeaf.get(leaf), "BF" + blackFriday.getYear(), start, start + 4,
                            BLACK_FRIDAY_PERCENTAGE, null, catalogue.leafId(leaf));
                }
            }
        }
        int productDeals = Math.max(1, catalogue.products() / 40);
        for (int i = 0; i < productDeals; i++) {
            int product = rng.nextInt(catalogue.products());
            int start = rng.nextInt(days);
            writer.add(calendar.byProduct.get(product), "DEAL", start, start + 3 + rng.nextInt(12), 5 + rng.nextInt(36),
                    catalogue.productId(product), null);
        }
        return calendar;
    }

    /** The unit price of the product at time t: its list price less the largest running discount, to the cent. */
    BigDecimal unitPrice(Catalogue catalogue, int product, double t) {
        int percentage = Math.max(largest(byProduct.get(product), t), largest(byLeaf.get(catalogue.leafOf(product)), t));
        BigDecimal price = catalogue.price(product);
        if (percentage == 0) {
            return price;
        }
        return price.multiply(BigDecimal.valueOf(100 - percentage)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private static int largest(List<Period> periods, double t) {
        int best = 0;
        for (Period period : periods) {
            if (period.covers(t)) {
                best = Math.max(best, period.percentage());
            }
        }
        return best;
    }

    /** Writes each discount row as it is added to the lookup, so the table and the applied prices agree. */
    private final class Writer {
        private final WindowClock clock;
        private final int days;
        private final ShopTables tables;
        private int number;

        Writer(GeneratorSettings settings, ShopTables tables) {
            this.clock = new WindowClock(settings.start());
            this.days = settings.windowDays();
            this.tables = tables;
        }

        void add(List<Period> into, String codePrefix, int startDay, int endDay, int percentage, Long productId, Long categoryId)
                throws SQLException {
            into.add(new Period(startDay, endDay, percentage));
            boolean activeAtWindowEnd = startDay <= days && endDay > days;
            tables.add(CommerceTable.DISCOUNT, tables.nextId(CommerceTable.DISCOUNT), codePrefix + "-" + (++number),
                    BigDecimal.valueOf(percentage).setScale(2), clock.at(startDay), clock.at(endDay), activeAtWindowEnd,
                    productId, categoryId);
        }
    }
}
