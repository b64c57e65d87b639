package com.commerceinsight.analytics.imports.retail;

import java.util.List;

/**
 * The column names of a transaction-line file: the UCI Online Retail layout or the Online Retail II one, which
 * renames three columns. Reasons for rejections name the columns as the file's own header does.
 */
record RetailLayout(String name, String invoice, String stockCode, String description, String quantity,
                    String invoiceDate, String unitPrice, String customerId, String country) {

    static final RetailLayout ONLINE_RETAIL = new RetailLayout("Online Retail",
            "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country");

    static final RetailLayout ONLINE_RETAIL_II = new RetailLayout("Online Retail II",
            "Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer ID", "Country");

    List<String> columns() {
        return List.of(invoice, stockCode, description, quantity, invoiceDate, unitPrice, customerId, country);
    }

    /** The layout whose columns the header holds (in any order), or an error that shows the header and both layouts. */
    static RetailLayout of(String file, List<String> header) {
        for (RetailLayout layout : List.of(ONLINE_RETAIL, ONLINE_RETAIL_II)) {
            if (header.containsAll(layout.columns())) {
                return layout;
            }
        }
        throw new IllegalArgumentException(file + " is not an Online Retail file: its header is " + header
                + "; expected the " + ONLINE_RETAIL.name + " columns " + ONLINE_RETAIL.columns()
                + " or the " + ONLINE_RETAIL_II.name + " columns " + ONLINE_RETAIL_II.columns());
    }
}
