package com.commerceinsight.analytics.suppliers;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The figures of one supplier, or of one of its products, gathered from the grouped queries of {@link SupplierQueries}. */
final class SupplyFigures {

    long products;
    long lowStockProducts;
    long unitsSold;
    BigDecimal revenue = BigDecimal.ZERO;
    long orders;
    long ratingTotal;
    long reviews;
    long returns;

    BigDecimal revenue() {
        return revenue.setScale(2, RoundingMode.HALF_UP);
    }

    /** The sum of ratings over their number as a decimal (an integer division would truncate); null without reviews. */
    Double averageRating() {
        return reviews == 0 ? null : (double) ratingTotal / reviews;
    }
}
