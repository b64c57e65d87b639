package com.commerceinsight.analytics.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.commerceinsight.analytics.problem.InvalidFieldException;

/** The {@code ids} parameter of the product look-up: 1 to {@link CatalogQueries#MAX_IDS} positive ids, duplicates dropped. */
final class ProductIds {

    private ProductIds() {
    }

    static List<Long> parse(String ids) {
        if (ids == null || ids.isBlank()) {
            throw new InvalidFieldException("ids", "ids is required: 1 to " + CatalogQueries.MAX_IDS + " product ids, comma-separated");
        }
        Set<Long> parsed = new LinkedHashSet<>();
        for (String part : ids.split(",")) {
            try {
                long id = Long.parseLong(part.trim());
                if (id < 1) {
                    throw new NumberFormatException();
                }
                parsed.add(id);
            } catch (NumberFormatException e) {
                throw new InvalidFieldException("ids", "\"" + part.trim() + "\" is not a positive product id");
            }
        }
        if (parsed.size() > CatalogQueries.MAX_IDS) {
            throw new InvalidFieldException("ids", "at most " + CatalogQueries.MAX_IDS + " ids, got " + parsed.size());
        }
        return List.copyOf(parsed);
    }
}
