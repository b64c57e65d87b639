package com.commerceinsight.analytics.dashboards;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Fetches a dashboard page over HTTP and compares it field by field with an expected page. */
final class DashboardComparison {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private DashboardComparison() {
    }

    static <T> T fetch(String page, DashboardFilter filter, Period period, Class<T> type) throws Exception {
        Map<String, Object> params = new LinkedHashMap<>();
        put(params, "from", filter.from());
        put(params, "to", filter.to());
        put(params, "categoryId", filter.categoryId());
        put(params, "state", filter.state());
        put(params, "country", filter.country());
        put(params, "paymentMethod", filter.paymentMethod());
        put(params, "period", period == null ? null : period.name().toLowerCase());
        String body = asStaff().queryParams(params).when().get("/api/analytics/dashboards/" + page)
                .then().statusCode(200).extract().asString();
        return JSON.readValue(body, type);
    }

    /** Asks for a page the service must refuse: a 400 problem naming the parameter. */
    static void refused(String page, DashboardFilter filter, Period period, String field) {
        Map<String, Object> params = new LinkedHashMap<>();
        put(params, "from", filter.from());
        put(params, "to", filter.to());
        put(params, "period", period.name().toLowerCase());
        asStaff().queryParams(params).when().get("/api/analytics/dashboards/" + page)
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo(field));
    }

    /** Money equal to the cent, ratios to 1e-9, lists in any order (ties in revenue order either way). */
    static <T> void assertSame(T actual, T expected, String what) {
        assertThat(actual).as(what).usingRecursiveComparison()
                .withComparatorForType(Comparator.naturalOrder(), BigDecimal.class)
                .withComparatorForType((Double a, Double b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b), Double.class)
                .ignoringCollectionOrder()
                .isEqualTo(expected);
    }

    private static void put(Map<String, Object> params, String name, Object value) {
        if (value != null) {
            params.put(name, value.toString());
        }
    }
}
