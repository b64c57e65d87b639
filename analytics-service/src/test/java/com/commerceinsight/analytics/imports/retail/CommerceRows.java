package com.commerceinsight.analytics.imports.retail;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads back what an import wrote under one data_source tag, for the tests' checks. */
final class CommerceRows {

    private final Connection connection;
    private final String tag;

    CommerceRows(Connection connection, String tag) {
        this.connection = connection;
        this.tag = tag;
    }

    /** A single number from a query whose only parameters are the tag, once per '?'. */
    BigDecimal number(String sql) throws SQLException {
        try (PreparedStatement statement = prepared(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getBigDecimal(1);
        }
    }

    long count(String sql) throws SQLException {
        return number(sql).longValueExact();
    }

    long orders() throws SQLException {
        return count("SELECT COUNT(*) FROM commerce.orders WHERE data_source = ?");
    }

    long orderLines() throws SQLException {
        return count("SELECT COUNT(*) FROM commerce.order_line l JOIN commerce.orders o ON o.id = l.order_id WHERE o.data_source = ?");
    }

    long customers() throws SQLException {
        return count("SELECT COUNT(*) FROM commerce.customer WHERE data_source = ?");
    }

    long products() throws SQLException {
        return count("SELECT COUNT(*) FROM commerce.product WHERE data_source = ?");
    }

    /** Σ quantity × unit_price over the tag's order lines. */
    BigDecimal lineAmounts() throws SQLException {
        return number("SELECT SUM(l.quantity * l.unit_price) FROM commerce.order_line l "
                + "JOIN commerce.orders o ON o.id = l.order_id WHERE o.data_source = ?");
    }

    /** Rows of a query (parameters: the tag), each as its columns' values. */
    List<List<Object>> rows(String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = prepared(sql); ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.add(value instanceof Timestamp t ? t.toLocalDateTime() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** external_ref → total_amount of the tag's orders. */
    Map<String, BigDecimal> orderTotals() throws SQLException {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (List<Object> row : rows("SELECT external_ref, total_amount FROM commerce.orders WHERE data_source = ? ORDER BY id")) {
            totals.put((String) row.get(0), (BigDecimal) row.get(1));
        }
        return totals;
    }

    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 1; i <= sql.chars().filter(c -> c == '?').count(); i++) {
            statement.setString(i, tag);
        }
        return statement;
    }
}
