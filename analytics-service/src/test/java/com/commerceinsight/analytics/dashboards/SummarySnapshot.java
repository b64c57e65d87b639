package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

/** Every non-zero summary row of the eight tables (daily and monthly, category totals included), keyed by table and key values, as plain text for a readable diff. */
public final class SummarySnapshot {

    private static final Map<String, Integer> KEY_COLUMNS = Map.of("commerce.daily_order_summary", 4,
            "commerce.daily_category_summary", 5, "commerce.daily_payment_summary", 4, "commerce.monthly_order_summary", 4,
            "commerce.monthly_category_summary", 5, "commerce.monthly_payment_summary", 4, "commerce.daily_category_totals", 2,
            "commerce.monthly_category_totals", 2);

    private SummarySnapshot() {
    }

    public static Map<String, String> of(DataSource dataSource) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, Integer> table : KEY_COLUMNS.entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table.getKey())) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        List<String> key = new ArrayList<>(List.of(table.getKey()));
                        List<String> measures = new ArrayList<>();
                        boolean allZero = true;
                        // column 1 is the surrogate id, which differs between an incremental and a rebuilt row
                        for (int i = 2; i <= meta.getColumnCount(); i++) {
                            if (i < 2 + table.getValue()) {
                                key.add(String.valueOf(rs.getObject(i)));
                            } else {
                                BigDecimal value = rs.getBigDecimal(i).stripTrailingZeros();
                                allZero &= value.signum() == 0;
                                measures.add(meta.getColumnName(i).toLowerCase() + "=" + value.toPlainString());
                            }
                        }
                        if (!allZero) {
                            rows.put(String.join("|", key), String.join(" ", measures));
                        }
                    }
                }
            }
            // The customer sales rows are keyed by customer_id (no surrogate id) and hold times beside the sums.
            try (ResultSet rs = s.executeQuery("SELECT customer_id, sales, amount, first_sale_at, second_sale_at, last_sale_at "
                    + "FROM commerce.customer_sales")) {
                while (rs.next()) {
                    rows.put("commerce.customer_sales|" + rs.getLong(1), "sales=" + rs.getLong(2) + " amount="
                            + rs.getBigDecimal(3).stripTrailingZeros().toPlainString() + " first=" + rs.getTimestamp(4)
                            + " second=" + rs.getTimestamp(5) + " last=" + rs.getTimestamp(6));
                }
            }
        }
        return rows;
    }
}
