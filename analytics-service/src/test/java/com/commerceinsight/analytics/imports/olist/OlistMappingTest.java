package com.commerceinsight.analytics.imports.olist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.commerceinsight.analytics.jdbc.RecordRejectedException;
import com.commerceinsight.analytics.imports.SourceRecord;

class OlistMappingTest {

    @Test
    void totalsAddPricesAndFreightsPerOrderAndAreZeroForAnOrderWithoutItems() {
        OrderTotals totals = new OrderTotals();
        totals.add(OlistOrderItem.parse(item("a", "1", "64.90", "26.98")));
        totals.add(OlistOrderItem.parse(item("b", "1", "10.00", "1.00")));
        totals.add(OlistOrderItem.parse(item("a", "2", "59.90", "15.94")));

        assertThat(totals.price("a")).isEqualByComparingTo("124.80");
        assertThat(totals.freight("a")).isEqualByComparingTo("42.92");
        assertThat(totals.price("b")).isEqualByComparingTo("10.00");
        assertThat(totals.hasItems("c")).isFalse();
        assertThat(totals.price("c")).isZero();
        assertThat(totals.freight("c")).isZero();
    }

    @Test
    void anItemWithANegativeOrMissingPriceIsRejectedNamingTheField() {
        assertThatThrownBy(() -> OlistOrderItem.parse(item("a", "1", "-1.00", "0")))
                .isInstanceOf(RecordRejectedException.class).hasMessageStartingWith("price is negative");
        assertThatThrownBy(() -> OlistOrderItem.parse(item("a", "1", null, "0")))
                .isInstanceOf(RecordRejectedException.class).hasMessage("price is missing");
        assertThatThrownBy(() -> OlistOrderItem.parse(item("a", "x", "1", "0")))
                .isInstanceOf(RecordRejectedException.class).hasMessageStartingWith("order_item_id is not a whole number");
    }

    @Test
    void aRepeatedReviewIdIsNumberedFromItsSecondOrder() {
        ReviewRefs refs = new ReviewRefs();
        String id = "3242cc306a9218d0377831e175d62fbf";

        assertThat(refs.next(id)).isEqualTo(id);
        assertThat(refs.next("other")).isEqualTo("other");
        assertThat(refs.next(id)).isEqualTo(id + "/2");
        assertThat(refs.next(id)).isEqualTo(id + "/3").hasSizeLessThanOrEqualTo(64);
    }

    private static SourceRecord item(String orderId, String itemNumber, String price, String freight) {
        Map<String, String> values = new HashMap<>();
        values.put("order_id", orderId);
        values.put("order_item_id", itemNumber);
        values.put("product_id", "p");
        values.put("seller_id", "s");
        values.put("shipping_limit_date", "2017-09-19 09:45:35");
        values.put("price", price);
        values.put("freight_value", freight);
        return new SourceRecord() {
            @Override
            public long number() {
                return 1;
            }

            @Override
            public String get(String column) {
                return values.get(column);
            }
        };
    }
}
