package com.commerceinsight.analytics.analyses.customers;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The customers who bought the largest share of a category's products")
public record CategoryCoverage(long categoryId, String name,
        @Schema(description = "Products in the category itself (not its subcategories)") long products,
        @Schema(description = "Top customers, largest share first (ties: lower customer id)") List<CustomerCoverage> topCustomers) {

    @Schema(description = "How much of the category one customer has bought")
    public record CustomerCoverage(long customerId,
            @Schema(description = "Distinct products of the category in the customer's sales orders") long productsBought,
            @Schema(description = "productsBought / products of the category") double share) {
    }
}
