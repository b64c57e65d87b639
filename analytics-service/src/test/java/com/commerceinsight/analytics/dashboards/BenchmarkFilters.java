package com.commerceinsight.analytics.dashboards;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ways {@link DashboardBenchmark} calls an endpoint: unfiltered, then with one filter at a time. The filter values
 * are taken from the shop itself (the commonest category, country, state, payment method and order status, so each
 * filter keeps as many orders as it can: the slowest case of a query that reads what matches), and two date ranges
 * shorter than the history. Call k of every way is a distinct query, as the unfiltered call's is.
 */
final class BenchmarkFilters {

    /**
     * One way of calling: its name (what the FILTERS argument selects), a label with its value, the query parameters
     * it needs the endpoint to take, and the query of call k.
     */
    record CallFilter(String name, String label, Set<String> parameters, IntFunction<String> query) {

        boolean appliesTo(Set<String> endpointParameters) {
            return endpointParameters.containsAll(parameters);
        }
    }

    /** The generator's window ends before this day, so {@code to} from here on still covers every order. */
    static final LocalDate LAST_GENERATED_DAY = LocalDate.of(2025, 1, 1);
    /** The last quarter of the generated window. */
    private static final int RECENT_DAYS = 90;
    /** A month a year before the window's end; call k moves it k days on. */
    private static final LocalDate MONTH_START = LAST_GENERATED_DAY.minusYears(1);
    private static final int MONTH_DAYS = 30;

    private BenchmarkFilters() {
    }

    /** The whole history, up to a day no earlier call asked for. */
    static String wholeHistory(int k) {
        return "to=" + LAST_GENERATED_DAY.plusDays(k);
    }

    /**
     * Every way of calling, unfiltered first, from the unfiltered Sales Overview dashboard (category, region, payment
     * method and their orders) and the order status breakdown; prints the values chosen and the orders each keeps.
     */
    static List<CallFilter> fromShop(JsonNode salesOverview, JsonNode statusBreakdown) {
        long orders = sum(salesOverview.path("byPaymentMethod"), "orders");
        List<CallFilter> filters = new ArrayList<>();
        filters.add(new CallFilter("none", "none", Set.of(), BenchmarkFilters::wholeHistory));
        JsonNode category = commonest(salesOverview.path("byCategory"));
        add(filters, "categoryId", category.path("categoryId").asText(), category.path("orders").asLong(), orders,
                " (" + category.path("categoryName").asText() + ")");
        Map<String, Long> byCountry = new TreeMap<>();
        salesOverview.path("byRegion").forEach(region -> byCountry.merge(region.path("country").asText(), region.path("orders").asLong(), Long::sum));
        Map.Entry<String, Long> country = byCountry.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        add(filters, "country", country.getKey(), country.getValue(), orders, "");
        JsonNode state = commonest(salesOverview.path("byRegion"));
        add(filters, "state", state.path("state").asText(), state.path("orders").asLong(), orders, "");
        JsonNode status = commonest(statusBreakdown.path("items"));
        add(filters, "status", status.path("status").asText(), status.path("orders").asLong(), sum(statusBreakdown.path("items"), "orders"),
                " of sale orders in any status");
        JsonNode method = commonest(salesOverview.path("byPaymentMethod"));
        add(filters, "paymentMethod", method.path("paymentMethod").asText(), method.path("orders").asLong(), orders, "");
        LocalDate recentFrom = LAST_GENERATED_DAY.minusDays(RECENT_DAYS);
        filters.add(new CallFilter("recent", "from=" + recentFrom + " (last " + RECENT_DAYS + " days)", Set.of("from", "to"),
                k -> "from=" + recentFrom + "&" + wholeHistory(k)));
        filters.add(new CallFilter("month", "from=" + MONTH_START + "+k, " + (MONTH_DAYS + 1) + " days", Set.of("from", "to"),
                k -> "from=" + MONTH_START.plusDays(k) + "&to=" + MONTH_START.plusDays(k + MONTH_DAYS)));
        return filters;
    }

    private static void add(List<CallFilter> filters, String parameter, String value, long kept, long of, String note) {
        String label = parameter + "=" + value;
        System.out.printf("filter %s%s: %,d of %,d orders (%.0f %%)%n", label, note, kept, of, 100.0 * kept / of);
        String encoded = parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        filters.add(new CallFilter(parameter, label, Set.of(parameter, "to"), k -> encoded + "&" + wholeHistory(k)));
    }

    private static JsonNode commonest(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).max(Comparator.comparingLong(row -> row.path("orders").asLong()))
                .orElseThrow(() -> new IllegalStateException("the shop has no orders to choose a filter value from"));
    }

    private static long sum(JsonNode rows, String field) {
        return StreamSupport.stream(rows.spliterator(), false).mapToLong(row -> row.path(field).asLong()).sum();
    }
}
