package com.commerceinsight.analytics.imports.retail;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One transaction line of an Online Retail file, parsed and checked by {@link TransactionLineParser}. */
record TransactionLine(String invoice, String stockCode, String description, int quantity, LocalDateTime invoiceDate,
                       BigDecimal unitPrice, Long customerId, String country) {

    /** Online Retail numbers a cancellation (credit note) invoice with a leading C. */
    boolean isCancellation() {
        return invoice.startsWith("C");
    }

    boolean isAnonymous() {
        return customerId == null;
    }

    BigDecimal amount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
