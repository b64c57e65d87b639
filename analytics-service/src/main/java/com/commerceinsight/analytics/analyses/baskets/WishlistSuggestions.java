package com.commerceinsight.analytics.analyses.baskets;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "For a wishlisted product, the products most often bought in the same sales orders")
public record WishlistSuggestions(long productId, String name,
        @Schema(description = "Wishlist entries naming the product") long wishlistEntries,
        @Schema(description = "Most co-bought first (ties: lower product id)") List<CoPurchase> boughtWith) {

    @Schema(description = "A product bought together with the wishlisted one")
    public record CoPurchase(long productId,
            @Schema(description = "Distinct sales orders holding both products (not lines, so a join cannot multiply it)") long orders) {
    }
}
