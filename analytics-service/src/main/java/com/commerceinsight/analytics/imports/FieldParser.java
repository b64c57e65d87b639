package com.commerceinsight.analytics.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

import com.commerceinsight.analytics.jdbc.RecordRejectedException;

/**
 * Parses the fields of a source record; every failure is a {@link RecordRejectedException} that names the field
 * and the value, so the import report says exactly what was wrong.
 */
public final class FieldParser {

    /** ISO-like date-times as the data sets write them: {@code 2025-01-10 03:19:52.000}, {@code 2017-10-02 10:56:33}, {@code 2010-12-01T08:26}. */
    private static final DateTimeFormatter ISO_LIKE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .toFormatter();

    /** The US layout of the original UCI Online Retail spreadsheet export: {@code 12/1/2010 8:26}. */
    private static final DateTimeFormatter US_SHORT = DateTimeFormatter.ofPattern("M/d/yyyy H:mm[:ss]");

    private FieldParser() {
    }

    public static String required(SourceRecord record, String field) {
        String value = record.get(field);
        if (value == null) {
            throw new RecordRejectedException(field + " is missing");
        }
        return value;
    }

    public static long requiredLong(SourceRecord record, String field) {
        return parseLong(field, required(record, field));
    }

    public static Long optionalLong(SourceRecord record, String field) {
        String value = record.get(field);
        return value == null ? null : parseLong(field, value);
    }

    public static int requiredInt(SourceRecord record, String field) {
        return toInt(field, requiredLong(record, field));
    }

    public static Integer optionalInt(SourceRecord record, String field) {
        Long value = optionalLong(record, field);
        return value == null ? null : toInt(field, value);
    }

    public static BigDecimal requiredDecimal(SourceRecord record, String field) {
        return parseDecimal(field, required(record, field));
    }

    public static BigDecimal optionalDecimal(SourceRecord record, String field) {
        String value = record.get(field);
        return value == null ? null : parseDecimal(field, value);
    }

    public static LocalDateTime requiredDateTime(SourceRecord record, String field) {
        return parseDateTime(field, required(record, field));
    }

    public static LocalDateTime optionalDateTime(SourceRecord record, String field) {
        String value = record.get(field);
        return value == null ? null : parseDateTime(field, value);
    }

    public static boolean requiredFlag(SourceRecord record, String field) {
        String value = required(record, field);
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            case "0", "false", "no" -> false;
            default -> throw new RecordRejectedException(field + " is not a flag (0/1, true/false): '" + value + "'");
        };
    }

    public static Integer optionalNonNegativeInt(SourceRecord record, String field) {
        Integer value = optionalInt(record, field);
        if (value != null && value < 0) {
            throw new RecordRejectedException(field + " is negative: " + value);
        }
        return value;
    }

    public static BigDecimal nonNegativeDecimal(SourceRecord record, String field) {
        BigDecimal value = requiredDecimal(record, field);
        if (value.signum() < 0) {
            throw new RecordRejectedException(field + " is negative: " + value);
        }
        return value;
    }

    /** A review score: a whole number from 1 to 5. */
    public static int rating(SourceRecord record, String field) {
        int value = requiredInt(record, field);
        if (value < 1 || value > 5) {
            throw new RecordRejectedException(field + " is not between 1 and 5: " + value);
        }
        return value;
    }

    /**
     * Rejects a number a DECIMAL(precision, scale) column cannot hold once rounded to its scale (1e309 as a price),
     * naming the field; values a loader computes from several fields (a line amount, an invoice total) pass through here
     * before they are kept, so the database never refuses a batch.
     */
    public static BigDecimal fitting(String field, BigDecimal value, int precision, int scale) {
        BigDecimal rounded = value.setScale(scale, java.math.RoundingMode.HALF_UP);
        if (rounded.precision() - rounded.scale() > precision - scale) {
            throw new RecordRejectedException(field + " has more than " + (precision - scale) + " digits before the decimal point: " + value);
        }
        return value;
    }

    private static int toInt(String field, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new RecordRejectedException(field + " is out of range: " + value);
        }
        return (int) value;
    }

    /** Accepts whole numbers also when written as floats ({@code 17850.0}), as spreadsheet exports do. */
    static long parseLong(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notPlain) {
            try {
                return new BigDecimal(value).longValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new RecordRejectedException(field + " is not a whole number: '" + value + "'");
            }
        }
    }

    static BigDecimal parseDecimal(String field, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new RecordRejectedException(field + " is not a number: '" + value + "'");
        }
    }

    static LocalDateTime parseDateTime(String field, String value) {
        try {
            return LocalDateTime.parse(value, ISO_LIKE);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDateTime.parse(value, US_SHORT);
            } catch (DateTimeParseException e) {
                try {
                    return LocalDate.parse(value).atStartOfDay();
                } catch (DateTimeParseException alsoNot) {
                    throw new RecordRejectedException(field + " is not a date-time: '" + value + "'");
                }
            }
        }
    }
}
