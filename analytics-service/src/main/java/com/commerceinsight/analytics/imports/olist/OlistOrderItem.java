package com.commerceinsight.analytics.imports.olist;

import static com.commerceinsight.analytics.imports.FieldParser.nonNegativeDecimal;
import static com.commerceinsight.analytics.imports.FieldParser.optionalDateTime;
import static com.commerceinsight.analytics.imports.FieldParser.required;
import static com.commerceinsight.analytics.imports.FieldParser.requiredInt;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.commerceinsight.analytics.imports.SourceRecord;

/**
 * One record of the Olist order items file. Parsed twice, once to sum the order totals and once to load the line,
 * so both passes accept exactly the same records.
 */
record OlistOrderItem(String orderId, int itemNumber, String productId, String sellerId, LocalDateTime shippingLimitAt,
                      BigDecimal price, BigDecimal freight) {

    /** Throws RecordRejectedException naming the field when the record is malformed. */
    static OlistOrderItem parse(SourceRecord record) {
        return new OlistOrderItem(
                required(record, "order_id"),
                requiredInt(record, "order_item_id"),
                required(record, "product_id"),
                required(record, "seller_id"),
                optionalDateTime(record, "shipping_limit_date"),
                nonNegativeDecimal(record, "price"),
                nonNegativeDecimal(record, "freight_value"));
    }
}
