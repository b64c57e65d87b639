package com.commerceinsight.analytics.imports.retail;

import static com.commerceinsight.analytics.imports.FieldParser.optionalLong;
import static com.commerceinsight.analytics.imports.FieldParser.required;
import static com.commerceinsight.analytics.imports.FieldParser.requiredDateTime;
import static com.commerceinsight.analytics.imports.FieldParser.requiredDecimal;
import static com.commerceinsight.analytics.imports.FieldParser.requiredInt;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.commerceinsight.analytics.imports.FieldParser;
import com.commerceinsight.analytics.jdbc.RecordRejectedException;
import com.commerceinsight.analytics.imports.SourceRecord;

/** Parses the records of one file into {@link TransactionLine}s, checking every field against the schema's limits. */
final class TransactionLineParser {

    /** Column sizes in the commerce schema (external_ref, product name, country). */
    private static final int MAX_REF = 64;
    private static final int MAX_NAME = 300;
    private static final int MAX_COUNTRY = 60;
    /** Amounts and order totals are DECIMAL(14, 2); unit prices DECIMAL(14, 3). */
    static final int MONEY_PRECISION = 14;
    static final int MONEY_SCALE = 2;

    private final RetailLayout columns;
    // The lines of an invoice follow each other and share its date: each run of one value is parsed once, which
    // takes date parsing from the largest cost of the import to a small one.
    private String lastDateText;
    private LocalDateTime lastDate;

    TransactionLineParser(RetailLayout columns) {
        this.columns = columns;
    }

    /** Parses a record; throws RecordRejectedException naming the column on the first field that cannot be loaded. */
    TransactionLine parse(SourceRecord record) {
        String invoice = limited(columns.invoice(), required(record, columns.invoice()), MAX_REF);
        String stockCode = limited(columns.stockCode(), required(record, columns.stockCode()), MAX_REF);
        String description = limited(columns.description(), record.get(columns.description()), MAX_NAME);
        int quantity = requiredInt(record, columns.quantity());
        if (quantity == 0) {
            throw new RecordRejectedException(columns.quantity() + " is 0");
        }
        LocalDateTime invoiceDate = invoiceDate(record);
        BigDecimal unitPrice = FieldParser.fitting(columns.unitPrice(), requiredDecimal(record, columns.unitPrice()), 14, 3);
        FieldParser.fitting(columns.quantity() + " * " + columns.unitPrice(), unitPrice.multiply(BigDecimal.valueOf(quantity)),
                MONEY_PRECISION, MONEY_SCALE);
        return new TransactionLine(invoice, stockCode, description, quantity, invoiceDate,
                unitPrice, optionalLong(record, columns.customerId()),
                limited(columns.country(), record.get(columns.country()), MAX_COUNTRY));
    }

    private LocalDateTime invoiceDate(SourceRecord record) {
        String text = record.get(columns.invoiceDate());
        if (text == null || !text.equals(lastDateText)) {
            lastDate = requiredDateTime(record, columns.invoiceDate());
            lastDateText = text;
        }
        return lastDate;
    }

    private static String limited(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new RecordRejectedException(field + " is longer than " + maxLength + " characters: '" + value + "'");
        }
        return value;
    }
}
