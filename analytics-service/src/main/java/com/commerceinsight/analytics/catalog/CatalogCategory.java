package com.commerceinsight.analytics.catalog;

/** A category as the API shows it. */
public record CatalogCategory(long id, String name, Long parentId) {
}
