package com.commerceinsight.analytics.dashboards;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

/**
 * The dashboard pages of the original reports (Home, Sales Overview, Customer Insights, Orders Management), read only
 * from the daily summaries, so each answers in milliseconds whatever the size of the shop. Orders are counted on the
 * day they were placed (UTC).
 */
@RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
@RateLimited("costly-reads")
@Path("/api/analytics/dashboards")
@Tag(name = "Dashboards", description = "Dashboard pages over the live daily summaries")
public class DashboardResource {

    private final DashboardService dashboards;

    public DashboardResource(DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @GET
    @Path("/home")
    @Operation(summary = "Home: net revenue, orders, units, average order value, new and returning customers, "
            + "cancellations, refunds and payment success")
    public HomeKpis home(@BeanParam DashboardQuery query) {
        return dashboards.home(query.filter());
    }

    @GET
    @Path("/sales")
    @Operation(summary = "Sales overview: net revenue per period with running total and growth, by category, region and payment method")
    public SalesOverview sales(@BeanParam DashboardQuery query) {
        return dashboards.sales(query.filter(), query.period());
    }

    @GET
    @Path("/customers")
    @Operation(summary = "Customer insights: new customers and returning customers' orders per period and by region")
    public CustomerInsights customers(@BeanParam DashboardQuery query) {
        return dashboards.customers(query.filter(), query.period());
    }

    @GET
    @Path("/orders")
    @Operation(summary = "Orders management: orders by status, cancellations per period, payment outcomes by method")
    public OrdersManagement orders(@BeanParam DashboardQuery query) {
        return dashboards.orders(query.filter(), query.period());
    }
}
