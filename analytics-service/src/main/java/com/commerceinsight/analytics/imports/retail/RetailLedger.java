package com.commerceinsight.analytics.imports.retail;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.commerceinsight.analytics.imports.FieldParser;
import com.commerceinsight.analytics.jdbc.RecordRejectedException;

/**
 * The invoices, products and customers of one Online Retail file, gathered in memory (a year of the shop is
 * ~25k invoices) so that an invoice's lines are grouped wherever they stand in the file and its total is known
 * before its order row is written. Ids are given by {@link RetailLedgerWriter}.
 */
final class RetailLedger {

    /** What adding a line changed, for the notes of the import report. */
    record Added(boolean newInvoice, boolean invoiceResumed, boolean otherSpelling, boolean customerInSecondCountry) {
    }

    static final class Invoice {
        final String ref;
        final LocalDateTime orderedAt;
        /** Null for an anonymous sale. */
        final Customer customer;
        final String country;
        final boolean cancellation;
        final List<Line> lines = new ArrayList<>();
        private BigDecimal exactTotal = BigDecimal.ZERO;
        long id;

        private Invoice(TransactionLine first, Customer customer) {
            this.ref = first.invoice();
            this.orderedAt = first.invoiceDate();
            this.customer = customer;
            this.country = first.country();
            this.cancellation = first.isCancellation();
        }

        Long customerId() {
            return customer == null ? null : customer.sourceId;
        }

        /** The signed sum of quantity × unit price over the lines, to the cent. */
        BigDecimal total() {
            return exactTotal.setScale(2, RoundingMode.HALF_UP);
        }
    }

    record Line(Product product, int quantity, BigDecimal unitPrice) {
    }

    static final class Product {
        final String sku;
        private String pricedLineName;
        private String anyLineName;
        private BigDecimal price;
        private LocalDateTime pricedAt;
        long id;

        private Product(String sku) {
            this.sku = sku;
        }

        /** The first Description of a line sold at a price; else the first of any line (which is often a stock note). */
        String name() {
            return pricedLineName != null ? pricedLineName : anyLineName;
        }

        boolean namedFromUnpricedLine() {
            return pricedLineName == null && anyLineName != null;
        }

        /** The unit price of the latest line sold at a positive price (on equal dates the later in the file); null if none. */
        BigDecimal price() {
            return price;
        }

        private void see(TransactionLine line) {
            if (anyLineName == null) {
                anyLineName = line.description();
            }
            if (line.unitPrice().signum() > 0) {
                if (pricedLineName == null) {
                    pricedLineName = line.description();
                }
                if (pricedAt == null || !line.invoiceDate().isBefore(pricedAt)) {
                    price = line.unitPrice();
                    pricedAt = line.invoiceDate();
                }
            }
        }
    }

    static final class Customer {
        final long sourceId;
        final String country;
        private boolean seenInSecondCountry;
        long id;

        private Customer(long sourceId, String country) {
            this.sourceId = sourceId;
            this.country = country;
        }
    }

    private final RetailLayout columns;
    private final Map<String, Invoice> invoices = new LinkedHashMap<>();
    private final Map<String, Product> productsByUpperCaseCode = new LinkedHashMap<>();
    private final Map<Long, Customer> customers = new LinkedHashMap<>();
    private String lastInvoice;

    RetailLedger(RetailLayout columns) {
        this.columns = columns;
    }

    /**
     * Adds a line to its invoice, creating the invoice, product and customer on first sight. A line that disagrees
     * with its invoice's customer or country is rejected before anything changes.
     */
    Added add(TransactionLine line) {
        Invoice invoice = invoices.get(line.invoice());
        if (invoice != null) {
            requireSame(columns.customerId(), invoice.customerId(), line.customerId(), invoice);
            requireSame(columns.country(), invoice.country, line.country(), invoice);
            FieldParser.fitting("the total of invoice " + invoice.ref, invoice.exactTotal.add(line.amount()),
                    TransactionLineParser.MONEY_PRECISION, TransactionLineParser.MONEY_SCALE);
        }
        Customer customer = null;
        boolean secondCountry = false;
        if (line.customerId() != null) {
            customer = customers.computeIfAbsent(line.customerId(), id -> new Customer(id, line.country()));
            if (!customer.seenInSecondCountry && !Objects.equals(customer.country, line.country())) {
                customer.seenInSecondCountry = true;
                secondCountry = true;
            }
        }
        boolean newInvoice = invoice == null;
        boolean resumed = !newInvoice && !line.invoice().equals(lastInvoice);
        if (newInvoice) {
            invoice = new Invoice(line, customer);
            invoices.put(invoice.ref, invoice);
        }
        lastInvoice = line.invoice();

        // SQL Server's default collation compares case-insensitively, and the data spells some codes both ways
        // (85123A / 85123a, M / m) for the same item: one product per code ignoring case, first spelling kept.
        Product product = productsByUpperCaseCode.computeIfAbsent(line.stockCode().toUpperCase(Locale.ROOT), code -> new Product(line.stockCode()));
        product.see(line);
        invoice.lines.add(new Line(product, line.quantity(), line.unitPrice()));
        invoice.exactTotal = invoice.exactTotal.add(line.amount());
        return new Added(newInvoice, resumed, !product.sku.equals(line.stockCode()), secondCountry);
    }

    private static void requireSame(String field, Object ofInvoice, Object ofLine, Invoice invoice) {
        if (!Objects.equals(ofInvoice, ofLine)) {
            throw new RecordRejectedException(field + " " + (ofLine == null ? "(empty)" : ofLine) + " differs from the "
                    + (ofInvoice == null ? "empty " + field : field + " " + ofInvoice) + " of invoice " + invoice.ref + "'s earlier lines");
        }
    }

    Collection<Invoice> invoices() {
        return invoices.values();
    }

    Collection<Product> products() {
        return productsByUpperCaseCode.values();
    }

    Collection<Customer> customers() {
        return customers.values();
    }
}
