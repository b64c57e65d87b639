package com.commerceinsight.analytics.analyses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WholeMonthsTest {

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void partialMonthsAtBothEdgesAreLeftToTheDayRows() {
        WholeMonths months = WholeMonths.within(day("2023-03-15"), day("2023-09-10"));
        assertEquals(new WholeMonths(day("2023-04-01"), day("2023-08-01")), months);
        assertEquals(day("2023-08-31"), months.lastDay());
    }

    @Test
    void aRangeOfWholeMonthsIsAllMonths() {
        assertEquals(new WholeMonths(day("2024-01-01"), day("2024-02-01")), WholeMonths.within(day("2024-01-01"), day("2024-02-29")));
    }

    @Test
    void openEndsTakeEveryMonthOnThatSide() {
        assertEquals(new WholeMonths(null, null), WholeMonths.within(null, null));
        assertEquals(new WholeMonths(day("2023-02-01"), null), WholeMonths.within(day("2023-01-02"), null));
        WholeMonths upToMid = WholeMonths.within(null, day("2023-08-17"));
        assertEquals(new WholeMonths(null, day("2023-07-01")), upToMid);
        assertEquals(day("2023-07-31"), upToMid.lastDay());
        assertNull(new WholeMonths(null, null).lastDay());
    }

    @Test
    void noWholeMonthInsideAShortRange() {
        assertNull(WholeMonths.within(day("2023-05-03"), day("2023-05-20")));
        assertNull(WholeMonths.within(day("2023-05-20"), day("2023-06-10")));
        assertEquals(new WholeMonths(day("2023-05-01"), day("2023-05-01")), WholeMonths.within(day("2023-05-01"), day("2023-05-31")));
    }

    @Test
    void spansAreTheEdgeDaysAroundTheWholeMonthsInDateOrder() {
        assertEquals(List.of(new WholeMonths.Span(false, day("2023-03-15"), day("2023-03-31")),
                new WholeMonths.Span(true, day("2023-04-01"), day("2023-08-01")),
                new WholeMonths.Span(false, day("2023-09-01"), day("2023-09-10"))),
                WholeMonths.spans(day("2023-03-15"), day("2023-09-10")));
        assertEquals(List.of(new WholeMonths.Span(true, null, day("2023-07-01")),
                new WholeMonths.Span(false, day("2023-08-01"), day("2023-08-17"))), WholeMonths.spans(null, day("2023-08-17")));
        assertEquals(List.of(new WholeMonths.Span(true, null, null)), WholeMonths.spans(null, null));
        assertEquals(List.of(new WholeMonths.Span(false, day("2023-05-03"), day("2023-05-20"))),
                WholeMonths.spans(day("2023-05-03"), day("2023-05-20")));
    }
}
