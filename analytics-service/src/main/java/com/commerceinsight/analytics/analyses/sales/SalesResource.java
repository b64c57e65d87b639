package com.commerceinsight.analytics.analyses.sales;

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
import com.commerceinsight.analytics.analyses.Granularity;
import com.commerceinsight.analytics.paging.Page;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

@RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
@RateLimited("costly-reads")
@Path("/api/analytics/analyses/sales")
@Tag(name = "Analyses: sales", description = "A sale is an order of kind sale that is not cancelled, unavailable or refunded; "
        + "its revenue is its total amount")
public class SalesResource {

    private final SalesQueries sales;

    public SalesResource(SalesQueries sales) {
        this.sales = sales;
    }

    @GET
    @Path("/total")
    @Operation(summary = "Total sales (analysis 1)", description = "Number of sales orders, the sum of their total amounts and "
            + "the average order value, under the filters (dates, customer country/state, order status, payment method).")
    public SalesTotals total(@BeanParam AnalysisRequest request) {
        return sales.totals(request.validated());
    }

    @GET
    @Path("/by-period")
    @Operation(summary = "Sales per day, week or month (analysis 1 per period)", description = "One row per period from the "
            + "first to the last day asked (or with sales), periods without sales included with zeros: orders, revenue, "
            + "average order value, running revenue and growth over the previous period (month-over-month for months).")
    public Page<PeriodSales> byPeriod(@BeanParam AnalysisRequest request,
            @Parameter(description = "day, week (ISO, from Monday) or month") @QueryParam("granularity") @DefaultValue("month")
            String granularity) {
        return request.validated().pageRequest().of(sales.byPeriod(request, Granularity.parse("granularity", granularity)));
    }
}
