package com.commerceinsight.analytics.analyses.discounts;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

@RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
@RateLimited("costly-reads")
@Path("/api/analytics/analyses/discounts")
@Tag(name = "Analyses: discounts")
public class DiscountResource {

    private final DiscountQueries discounts;

    public DiscountResource(DiscountQueries discounts) {
        this.discounts = discounts;
    }

    @GET
    @Path("/usage")
    @Operation(summary = "Discount use (analysis 5)", description = "Share of sales orders (under the filters) with a line whose "
            + "product or category had a discount code valid at the order time. The schema records no code per order, so "
            + "this is the share of orders that could have used a discount.")
    public DiscountUsage usage(@BeanParam AnalysisRequest request) {
        return discounts.usage(request.validated());
    }

    @GET
    @Path("/coverage")
    @Operation(summary = "Discount coverage (what the original called discount use)", description = "Discount codes by what "
            + "they are tied to, and the share tied to a product: the figure the original published as the share of "
            + "orders that used a discount.")
    public DiscountCoverage coverage() {
        return discounts.coverage();
    }
}
