package com.commerceinsight.analytics.catalog;

import java.math.BigDecimal;

/** A product as the API shows it. */
public record CatalogProduct(long id, String name, String sku, Long categoryId, String categoryName, BigDecimal price,
                             Integer stockQuantity) {
}
