package com.commerceinsight.analytics.analyses.returns;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.paging.Page;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

@RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
@RateLimited("costly-reads")
@Path("/api/analytics/analyses/returns")
@Tag(name = "Analyses: returns")
public class ReturnResource {

    private final ReturnQueries returns;

    public ReturnResource(ReturnQueries returns) {
        this.returns = returns;
    }

    @GET
    @Path("/by-reason")
    @Operation(summary = "Returns per reason", description = "Returns of the orders placed in the range (any status: an "
            + "approved return refunds its order) per reason, most first, with the approved ones and each reason's share; "
            + "filters: dates, customer country/state, order status, payment method, category (orders holding one of its products).")
    public Page<ReturnReason> byReason(@BeanParam AnalysisRequest request) {
        return request.validated().pageRequest().of(returns.byReason(request));
    }
}
