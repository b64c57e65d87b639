package com.commerceinsight.analytics.imports.retail;

import java.sql.Connection;
import java.sql.SQLException;

import com.commerceinsight.analytics.jdbc.BatchInserter;
import com.commerceinsight.analytics.jdbc.CommerceTable;
import com.commerceinsight.analytics.ids.IdAllocator;

/**
 * Writes a {@link RetailLedger} in JDBC batches: customers, products, orders, then order lines, each table
 * finished before the one that refers to it, so no batch ever holds a reference to an unwritten row.
 */
final class RetailLedgerWriter {

    /** Online Retail is a UK shop invoicing in pounds sterling. */
    static final String CURRENCY = "GBP";

    private final Connection connection;
    private final String dataSource;

    RetailLedgerWriter(Connection connection, String dataSource) {
        this.connection = connection;
        this.dataSource = dataSource;
    }

    void write(RetailLedger ledger) throws SQLException {
        IdAllocator customerIds = CommerceTable.CUSTOMER.ids(connection);
        try (BatchInserter insert = CommerceTable.CUSTOMER.inserter(connection)) {
            for (RetailLedger.Customer customer : ledger.customers()) {
                customer.id = customerIds.next();
                insert.add(customer.id, dataSource, Long.toString(customer.sourceId),
                        null, null, null, null, null, null, null, null, customer.country, null);
            }
        }
        IdAllocator productIds = CommerceTable.PRODUCT.ids(connection);
        try (BatchInserter insert = CommerceTable.PRODUCT.inserter(connection)) {
            for (RetailLedger.Product product : ledger.products()) {
                product.id = productIds.next();
                insert.add(product.id, dataSource, product.sku, product.sku, product.name(), null, product.price(),
                        null, null, null, null, null, null, null, null);
            }
        }
        IdAllocator orderIds = CommerceTable.ORDERS.ids(connection);
        try (BatchInserter insert = CommerceTable.ORDERS.inserter(connection)) {
            for (RetailLedger.Invoice invoice : ledger.invoices()) {
                invoice.id = orderIds.next();
                Long customer = invoice.customer == null ? null : invoice.customer.id;
                insert.add(invoice.id, dataSource, invoice.ref, customer,
                        invoice.cancellation ? "cancellation" : "sale", invoice.cancellation ? "cancelled" : "delivered",
                        invoice.orderedAt, null, null, null, null, invoice.total(), null, CURRENCY, invoice.country);
            }
        }
        IdAllocator lineIds = CommerceTable.ORDER_LINE.ids(connection);
        try (BatchInserter insert = CommerceTable.ORDER_LINE.inserter(connection)) {
            for (RetailLedger.Invoice invoice : ledger.invoices()) {
                int lineNumber = 0;
                for (RetailLedger.Line line : invoice.lines) {
                    insert.add(lineIds.next(), invoice.id, ++lineNumber, line.product().id, null,
                            line.quantity(), line.unitPrice(), null, null);
                }
            }
        }
    }
}
