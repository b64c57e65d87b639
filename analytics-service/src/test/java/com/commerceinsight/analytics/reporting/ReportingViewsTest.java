package com.commerceinsight.analytics.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.dashboards.DashboardShopProfile;
import com.commerceinsight.analytics.dashboards.TinyShop;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The reporting views answer plain SELECTs with the hand-checked figures of {@link TinyShop}'s three orders. */
@QuarkusTest
@TestProfile(DashboardShopProfile.class)
class ReportingViewsTest {

    private static final String TINY = " WHERE customer_state = '" + TinyShop.STATE + "'";

    @Inject
    DataSource dataSource;

    private TinyShop.Ids tiny;

    @BeforeEach
    void threeOrders() {
        tiny = TinyShop.ensurePlaced();
    }

    @Test
    void salesHasTheNetSalesPerCategory() throws Exception {
        assertThat(row("SELECT SUM(orders), SUM(units), SUM(net_revenue), SUM(cancelled_orders), SUM(cancelled_revenue), "
                + "MAX(category_name) FROM reporting.sales" + TINY))
                .containsExactly(2L, 7L, new BigDecimal("40.00"), 1L, new BigDecimal("7.50"), TinyShop.CATEGORY);
    }

    @Test
    void customersHasNewAndReturning() throws Exception {
        assertThat(row("SELECT SUM(new_customers), SUM(returning_orders), SUM(orders), SUM(net_revenue) FROM reporting.customers" + TINY))
                .containsExactly(2L, 1L, 2L, new BigDecimal("40.00"));
    }

    @Test
    void ordersHasStatusesAndPaymentsHasOutcomes() throws Exception {
        assertThat(row("SELECT SUM(placed_orders), SUM(cancelled_orders), SUM(pending_orders), SUM(delivered_orders) "
                + "FROM reporting.orders" + TINY)).containsExactly(3L, 1L, 1L, 1L);
        assertThat(row("SELECT SUM(succeeded_attempts), SUM(failed_attempts), SUM(refunded_attempts), SUM(succeeded_amount), "
                + "SUM(refunded_amount) FROM reporting.payments" + TINY))
                .containsExactly(2L, 1L, 1L, new BigDecimal("40.00"), new BigDecimal("7.50"));
    }

    @Test
    void productsHasSalesOfOrdersNotCancelled() throws Exception {
        assertThat(row("SELECT units_sold, net_revenue, orders, reviews, category_name FROM reporting.products WHERE product_id = "
                + tiny.productA())).containsExactly(3L, new BigDecimal("30.00"), 2L, 0L, TinyShop.CATEGORY);
        // Order 3's three units of B were cancelled.
        assertThat(row("SELECT units_sold, net_revenue, orders FROM reporting.products WHERE product_id = " + tiny.productB()))
                .containsExactly(4L, new BigDecimal("10.00"), 1L);
    }

    /** The first row, numbers as long or as BigDecimal with trailing zeros to the cent, so they compare by value. */
    private List<Object> row(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                if (value instanceof BigDecimal d) {
                    value = d.scale() == 0 ? (Object) d.longValueExact() : d.setScale(2, java.math.RoundingMode.UNNECESSARY);
                } else if (value instanceof Number n) {
                    value = n.longValue();
                }
                values.add(value);
            }
            return values;
        }
    }
}
