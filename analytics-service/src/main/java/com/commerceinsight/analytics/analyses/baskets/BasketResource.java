package com.commerceinsight.analytics.analyses.baskets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.paging.Page;
import com.commerceinsight.analytics.problem.InvalidFieldException;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

@RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
@RateLimited("costly-reads")
@Path("/api/analytics/analyses/baskets")
@Tag(name = "Analyses: baskets", description = "What is bought together, counted in distinct sales orders")
public class BasketResource {

    private final BasketQueries baskets;

    public BasketResource(BasketQueries baskets) {
        this.baskets = baskets;
    }

    @GET
    @Path("/wishlist-suggestions")
    @Operation(summary = "Wishlist-driven suggestions (analysis 8)", description = "For each wishlisted product (most "
            + "wishlisted first, paged), the products most often bought in the same sales orders, counted as distinct "
            + "orders. Order filters (dates, country/state, status, payment method) restrict the orders counted; without "
            + "one the counts are read from per-pair totals kept current as orders arrive (fast), with one they are "
            + "counted from the order lines under the filter (seconds to minutes on a large shop).")
    public Page<WishlistSuggestions> wishlistSuggestions(@BeanParam AnalysisRequest request,
            @Parameter(description = "Suggestions per wishlisted product, 1-50") @QueryParam("perProduct") @DefaultValue("5") int perProduct) {
        if (perProduct < 1 || perProduct > 50) {
            throw new InvalidFieldException("perProduct", "perProduct must be between 1 and 50");
        }
        return baskets.wishlistSuggestions(request.validated(), perProduct);
    }

    @GET
    @Path("/bought-together")
    @Operation(summary = "Products bought together (analysis 11)", description = "Pairs of products in the same sales orders "
            + "with the number of such orders, support, confidence both ways and lift, most frequent first. N is the number "
            + "of sales orders under the filters. Without an order filter the figures are read from per-pair and "
            + "per-product totals kept current as orders arrive (fast); an order filter (dates, country/state, status, "
            + "payment method) counts them from the order lines under it (seconds to minutes on a large shop).")
    public Page<ProductPair> boughtTogether(@BeanParam AnalysisRequest request,
            @Parameter(description = "Only pairs in at least this many orders") @QueryParam("minOrders") @DefaultValue("2") int minOrders) {
        if (minOrders < 1) {
            throw new InvalidFieldException("minOrders", "minOrders must be 1 or more");
        }
        return baskets.boughtTogether(request.validated(), minOrders);
    }
}
