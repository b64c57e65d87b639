package com.commerceinsight.analytics.analyses.returns;

import static com.commerceinsight.apikit.testing.AuthenticatedRequests.asStaff;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.dashboards.DashboardShopProfile;
import com.commerceinsight.analytics.dashboards.GeneratedShopFixture;
import com.commerceinsight.analytics.dashboards.SummaryRebuilder;
import com.commerceinsight.analytics.generator.ShopGenerator;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Returns by reason under date filters adds up the kept rows per reason and day or month: on the dashboard tests'
 * generated shop (returns of many reasons over two years) it answers, for an unbounded range, whole months, partial
 * months at both edges and a few days, exactly what the returns joined to their orders give, counted here in plain SQL.
 */
@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class KeptReturnReasonsTest {

    @Inject
    DataSource dataSource;
    @Inject
    ShopGenerator generator;
    @Inject
    SummaryRebuilder rebuilder;

    @Test
    void reasonsUnderDateFiltersEqualTheReturnsCountedWithTheirOrders() throws Exception {
        GeneratedShopFixture.ensureGenerated(dataSource, generator, rebuilder);
        String[][] ranges = {{null, null}, {"2024-03-01", "2024-07-31"}, {"2024-02-15", "2024-08-01"}, {"2023-06-10", "2023-06-20"}};
        for (String[] range : ranges) {
            List<String> counted = counted(range[0], range[1]);
            assertThat(answered(range[0], range[1])).isEqualTo(counted);
            if (range[0] == null) {
                assertThat(counted).hasSizeGreaterThan(1);
            }
        }
    }

    /** The answer's reasons as "reason returns approved", in its order. */
    private static List<String> answered(String from, String to) {
        var request = asStaff().basePath("/api/analytics/analyses/returns/by-reason").queryParam("size", 100);
        if (from != null) {
            request = request.queryParam("from", from).queryParam("to", to);
        }
        List<Map<String, Object>> items = request.get().then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().map(i -> i.get("reason") + " " + i.get("returns") + " " + i.get("approved")).toList();
    }

    /** Per reason, most first (ties: by reason, none first), the returns of the sales placed in the range. */
    private List<String> counted(String from, String to) throws Exception {
        LocalDateTime start = from == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : LocalDate.parse(from).atStartOfDay();
        LocalDateTime end = to == null ? LocalDateTime.of(9999, 1, 1, 0, 0) : LocalDate.parse(to).plusDays(1).atStartOfDay();
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT r.reason, COUNT(*),"
                + " SUM(CASE WHEN r.status = 'approved' THEN 1 ELSE 0 END) FROM commerce.order_return r"
                + " JOIN commerce.orders o ON o.id = r.order_id WHERE o.kind = 'sale' AND o.ordered_at >= ? AND o.ordered_at < ?"
                + " GROUP BY r.reason ORDER BY COUNT(*) DESC, r.reason NULLS FIRST")) {
            s.setObject(1, start);
            s.setObject(2, end);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getLong(2) + " " + rs.getLong(3));
                }
            }
        }
        return rows;
    }
}
