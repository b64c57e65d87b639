package com.commerceinsight.analytics.analyses.customers;

import java.time.LocalDate;

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
import com.commerceinsight.analytics.problem.InvalidFieldException;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

@RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
@RateLimited("costly-reads")
@Path("/api/analytics/analyses/customers")
@Tag(name = "Analyses: customers", description = "Customer behaviour over sales (orders not cancelled, unavailable or refunded)")
public class CustomerResource {

    private final CustomerQueries customers;

    public CustomerResource(CustomerQueries customers) {
        this.customers = customers;
    }

    @GET
    @Path("/most-orders")
    @Operation(summary = "Customers with the most orders (analysis 3)", description = "Customers ranked by number of sales "
            + "orders under the filters (ties: more revenue, then lower id), with revenue and last order time.")
    public Page<CustomerOrderCount> mostOrders(@BeanParam AnalysisRequest request) {
        return customers.mostOrders(request.validated());
    }

    @GET
    @Path("/retention-30-days")
    @Operation(summary = "30-day retention (analysis 7)", description = "Of the customers whose first-ever sale falls in the "
            + "date range (customer country/state filters apply), the share whose second sale came within 30 days of the first. "
            + "Customers with one sale count as not retained; a customer whose first sale is less than 30 days before the end "
            + "of the data may still return.")
    public Retention30Days retention30Days(@BeanParam AnalysisRequest request) {
        return customers.retention30Days(request.validated());
    }

    @GET
    @Path("/category-coverage")
    @Operation(summary = "Share of a category's products each customer bought (analysis 10)", description = "Per category "
            + "(products directly in it), the top customers by distinct products of it bought in sales orders, with that "
            + "number over the category's product count. Paged over categories. Without a date, status or payment method "
            + "filter the counts are read from per-customer category totals kept current as orders arrive (fast); with "
            + "one they are counted from the order lines under the filters (seconds to minutes on a large shop).")
    public Page<CategoryCoverage> categoryCoverage(@BeanParam AnalysisRequest request,
            @Parameter(description = "Customers listed per category, 1-100") @QueryParam("top") @DefaultValue("3") int top) {
        if (top < 1 || top > 100) {
            throw new InvalidFieldException("top", "top must be between 1 and 100");
        }
        return customers.categoryCoverage(request.validated(), top);
    }

    @GET
    @Path("/new-vs-returning")
    @Operation(summary = "New versus returning customers per period", description = "Per day, week or month of the range: "
            + "customers whose first-ever sale is in the period (new) and the other buying customers (returning), with "
            + "the revenue of each group; empty periods listed with zeros.")
    public Page<NewVsReturning> newVsReturning(@BeanParam AnalysisRequest request,
            @Parameter(description = "day, week or month") @QueryParam("granularity") @DefaultValue("month") String granularity) {
        return request.validated().pageRequest().of(customers.newVsReturning(request, Granularity.parse("granularity", granularity)));
    }

    @GET
    @Path("/cohorts")
    @Operation(summary = "Cohort retention matrix by first-purchase month", description = "One row per month of first sale "
            + "(in the date range): cohort size and, for k = 0, 1, 2 ... months later, the share of the cohort with a sale in that month.")
    public Page<Cohort> cohorts(@BeanParam AnalysisRequest request) {
        return request.validated().pageRequest().of(customers.cohorts(request));
    }

    @GET
    @Path("/rfm")
    @Operation(summary = "RFM quintiles", description = "Per customer with a sale before the reference day: days since the "
            + "last sale, number of sales, their amount, and a 1-5 quintile score for each (5 = most recent / most frequent / "
            + "highest spend). Best total first.")
    public Page<RfmScore> rfm(@BeanParam AnalysisRequest request,
            @Parameter(description = "Reference day (ISO date); default: the day after the last sale") @QueryParam("asOf") LocalDate asOf) {
        return request.validated().pageRequest().of(customers.rfm(request, asOf));
    }
}
