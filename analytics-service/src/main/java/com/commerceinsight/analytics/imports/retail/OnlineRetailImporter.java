package com.commerceinsight.analytics.imports.retail;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import com.commerceinsight.analytics.imports.DatasetImporter;
import com.commerceinsight.analytics.imports.FileReport;
import com.commerceinsight.analytics.imports.ImportSession;
import com.commerceinsight.analytics.imports.SourceRecord;
import com.commerceinsight.analytics.imports.TabularFile;

/**
 * Imports one file of the UCI Online Retail / Online Retail II transaction-line layout (.csv, .csv.gz or .xlsx,
 * first sheet), one record per invoice line, under either header (see {@link RetailLayout}); any other header
 * fails the whole file.
 *
 * <p>Mapping:
 * <ul>
 * <li>Invoice → one orders row: external_ref = the invoice number, ordered_at = InvoiceDate of its first line,
 *     country = Country, currency GBP. A sale is kind sale, status delivered (the data set records completed
 *     sales). An invoice starting with C is a credit note: kind cancellation, status cancelled, its lines keep their
 *     negative quantities. total_amount = Σ quantity × unit price over the invoice's lines, rounded half-up to the
 *     cent and signed (negative for a cancellation; the schema has no sign check on it). Lines are grouped by
 *     invoice wherever they stand in the file, and numbered in file order.</li>
 * <li>CustomerID → customer row: external_ref = the id as a whole number (17850.0 → 17850), country = the Country
 *     of its first line. An empty CustomerID is an anonymous sale: customer_id null.</li>
 * <li>StockCode → product row: sku = external_ref = the code's first spelling; codes that differ only in letter
 *     case (85123A / 85123a) are one product. name = the first non-empty Description on a line with a positive
 *     price (zero-price lines often carry stock notes such as "damages?"), else the first on any line.
 *     price = the unit price of the latest line sold at a positive price; null if the code never was.
 *     Service codes (POST postage, M manual, D discount, BANK CHARGES, AMAZONFEE, ...) are lines of their
 *     invoices and stay products.</li>
 * </ul>
 *
 * <p>Loaded as they are, and counted in the notes: zero unit prices (free items), negative quantities on sale
 * invoices (anonymous stock write-offs at price 0), and the negative unit prices of the bad-debt adjustments
 * (invoices A563185–A563187, stock code B: one positive and two negative, netting −11,062.06; all anonymous, so no
 * customer's figures change, and keeping all three keeps the ledger's sum that of the source).
 *
 * <p>Rejected, with the column named: a missing invoice or StockCode, a malformed or zero quantity (the schema
 * forbids 0), a malformed price, a missing or unparseable InvoiceDate, a CustomerID that is not a whole number, a
 * line whose CustomerID or Country differs from its invoice's earlier lines, a value longer than its column.
 */
@ApplicationScoped
public class OnlineRetailImporter implements DatasetImporter {

    public static final String FORMAT = "online-retail";

    public static final String CANCELLATION_INVOICES = "cancellation invoices (C...)";
    public static final String CANCELLATION_LINES = "cancellation lines";
    public static final String ANONYMOUS_INVOICES = "anonymous invoices (no CustomerID)";
    public static final String ANONYMOUS_LINES = "anonymous lines (no CustomerID)";
    public static final String ZERO_PRICE_LINES = "zero unit price lines";
    public static final String NEGATIVE_PRICE_LINES = "negative unit price lines (bad-debt adjustments)";
    public static final String NEGATIVE_QUANTITY_SALE_LINES = "negative quantity lines on sale invoices (stock write-offs)";
    public static final String RESUMED_INVOICES = "invoices resumed after lines of other invoices (grouped)";
    public static final String OTHER_CASE_STOCK_CODES = "lines whose StockCode differs in letter case from its product's sku";
    public static final String CUSTOMERS_IN_SECOND_COUNTRY = "customers seen in a second Country (first kept)";
    public static final String PRODUCTS_NAMED_FROM_UNPRICED_LINE = "products never sold at a price (named from an unpriced line)";

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public void importInto(ImportSession session, Path source) throws Exception {
        if (Files.isDirectory(source)) {
            throw new IllegalArgumentException(FORMAT + " imports one file (.csv, .csv.gz or .xlsx), not a folder: " + source);
        }
        String file = source.getFileName().toString();
        FileReport report = session.report().file(file);
        RetailLedger ledger;
        try (TabularFile records = TabularFile.open(source)) {
            RetailLayout columns = RetailLayout.of(file, records.header());
            TransactionLineParser parser = new TransactionLineParser(columns);
            ledger = new RetailLedger(columns);
            for (SourceRecord record : records) {
                session.load(file, record.number(), () -> {
                    TransactionLine line = parser.parse(record);
                    noteLine(report, line, ledger.add(line));
                });
            }
        }
        ledger.products().stream().filter(RetailLedger.Product::namedFromUnpricedLine)
                .forEach(product -> report.note(PRODUCTS_NAMED_FROM_UNPRICED_LINE));
        new RetailLedgerWriter(session.connection(), session.dataSource()).write(ledger);
        session.endFile(file);
    }

    private static void noteLine(FileReport report, TransactionLine line, RetailLedger.Added added) {
        if (added.newInvoice() && line.isCancellation()) {
            report.note(CANCELLATION_INVOICES);
        }
        if (added.newInvoice() && line.isAnonymous()) {
            report.note(ANONYMOUS_INVOICES);
        }
        if (line.isCancellation()) {
            report.note(CANCELLATION_LINES);
        } else if (line.quantity() < 0) {
            report.note(NEGATIVE_QUANTITY_SALE_LINES);
        }
        if (line.isAnonymous()) {
            report.note(ANONYMOUS_LINES);
        }
        if (line.unitPrice().signum() == 0) {
            report.note(ZERO_PRICE_LINES);
        } else if (line.unitPrice().signum() < 0) {
            report.note(NEGATIVE_PRICE_LINES);
        }
        if (added.invoiceResumed()) {
            report.note(RESUMED_INVOICES);
        }
        if (added.otherSpelling()) {
            report.note(OTHER_CASE_STOCK_CODES);
        }
        if (added.customerInSecondCountry()) {
            report.note(CUSTOMERS_IN_SECOND_COUNTRY);
        }
    }
}
