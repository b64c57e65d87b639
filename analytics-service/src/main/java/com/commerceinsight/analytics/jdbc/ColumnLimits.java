package com.commerceinsight.analytics.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each column of a table can hold, read once from the database's own metadata (so it cannot drift from the
 * schema): whether it takes null, text length, decimal precision and scale, integer range, the years a timestamp
 * takes. A value that does not fit is a {@link RecordRejectedException} naming the column, raised before the row
 * reaches a batch; otherwise the database would refuse the whole batch, and with it the import.
 */
final class ColumnLimits {

    private record Limit(String column, int sqlType, int size, int scale, boolean required) {
    }

    private static final Map<String, List<Limit>> BY_TABLE = new ConcurrentHashMap<>();

    private final String table;
    private final Limit[] limits;

    private ColumnLimits(String table, Limit[] limits) {
        this.table = table;
        this.limits = limits;
    }

    /** The limits of the named columns of {@code schema.table}, in the given order. */
    static ColumnLimits of(Connection connection, String qualifiedTable, List<BatchInserter.Column> columns) throws SQLException {
        List<Limit> known = BY_TABLE.get(qualifiedTable.toLowerCase(Locale.ROOT));
        if (known == null) {
            known = read(connection.getMetaData(), qualifiedTable);
            BY_TABLE.put(qualifiedTable.toLowerCase(Locale.ROOT), known);
        }
        Limit[] ordered = new Limit[columns.size()];
        for (int i = 0; i < ordered.length; i++) {
            String name = columns.get(i).name();
            ordered[i] = known.stream().filter(l -> l.column().equalsIgnoreCase(name)).findFirst()
                    .orElse(new Limit(name, columns.get(i).sqlType(), 0, 0, false));
        }
        return new ColumnLimits(qualifiedTable, ordered);
    }

    private static List<Limit> read(DatabaseMetaData metadata, String qualifiedTable) throws SQLException {
        int dot = qualifiedTable.indexOf('.');
        String schema = dot < 0 ? null : qualifiedTable.substring(0, dot);
        String table = qualifiedTable.substring(dot + 1);
        // Identifier case differs between databases (H2 upper-cases unquoted names): try as written, then both cases.
        for (String candidate : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            List<Limit> found = new ArrayList<>();
            try (ResultSet rs = metadata.getColumns(null, null, candidate, null)) {
                while (rs.next()) {
                    if (schema == null || schema.equalsIgnoreCase(rs.getString("TABLE_SCHEM"))) {
                        found.add(new Limit(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"), rs.getInt("COLUMN_SIZE"),
                                rs.getInt("DECIMAL_DIGITS"), rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls));
                    }
                }
            }
            if (!found.isEmpty()) {
                return List.copyOf(found);
            }
        }
        return List.of();
    }

    /** Throws RecordRejectedException for the first value that its column cannot hold. */
    void check(Object[] values) {
        for (int i = 0; i < values.length && i < limits.length; i++) {
            if (values[i] == null && limits[i].required()) {
                throw new RecordRejectedException(table + "." + limits[i].column().toLowerCase(Locale.ROOT) + " is required");
            }
            if (values[i] != null) {
                String problem = problem(limits[i], values[i]);
                if (problem != null) {
                    throw new RecordRejectedException(table + "." + limits[i].column().toLowerCase(Locale.ROOT) + " " + problem);
                }
            }
        }
    }

    private static String problem(Limit limit, Object value) {
        if (value instanceof String text) {
            boolean textColumn = limit.sqlType() == Types.VARCHAR || limit.sqlType() == Types.NVARCHAR
                    || limit.sqlType() == Types.CHAR || limit.sqlType() == Types.NCHAR;
            return textColumn && limit.size() > 0 && text.length() > limit.size()
                    ? "takes at most " + limit.size() + " characters, not " + text.length() : null;
        }
        if (value instanceof BigDecimal number && limit.size() > 0
                && (limit.sqlType() == Types.DECIMAL || limit.sqlType() == Types.NUMERIC)) {
            BigDecimal rounded = number.setScale(limit.scale(), RoundingMode.HALF_UP);
            int wholeDigits = rounded.precision() - rounded.scale();
            return wholeDigits > limit.size() - limit.scale()
                    ? "holds at most " + (limit.size() - limit.scale()) + " digits before the decimal point, not " + number : null;
        }
        if (value instanceof Number number && !(value instanceof BigDecimal)) {
            long whole = number.longValue();
            return switch (limit.sqlType()) {
                case Types.INTEGER -> whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE ? "is out of the INTEGER range: " + whole : null;
                case Types.SMALLINT -> whole < Short.MIN_VALUE || whole > Short.MAX_VALUE ? "is out of the SMALLINT range: " + whole : null;
                default -> null;
            };
        }
        if (value instanceof LocalDateTime time && (time.getYear() < 1 || time.getYear() > 9999)) {
            return "takes years 1 to 9999, not " + time.getYear();
        }
        return null;
    }
}
