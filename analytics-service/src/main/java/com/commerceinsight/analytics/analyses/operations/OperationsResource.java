package com.commerceinsight.analytics.analyses.operations;

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
@Path("/api/analytics/analyses")
@Tag(name = "Analyses: operations", description = "Inventory, fulfilment, payments and order statuses")
public class OperationsResource {

    private final OperationsQueries operations;

    public OperationsResource(OperationsQueries operations) {
        this.operations = operations;
    }

    @GET
    @Path("/inventory/daily-cost-of-goods")
    @Operation(summary = "Daily cost of goods sold with a 30-day moving average (analysis 9)", description = "Per calendar day "
            + "of the range: units out by sale movements minus units back by return movements, times the product's list "
            + "price; restocks are not costs. The moving average spans 30 calendar days, days without movements counting "
            + "as 0. Optional category filter.")
    public Page<DailyCostOfGoods> dailyCostOfGoods(@BeanParam AnalysisRequest request) {
        return request.validated().pageRequest().of(operations.dailyCostOfGoods(request));
    }

    @GET
    @Path("/orders/fulfilment-times")
    @Operation(summary = "Time from order to shipment and to delivery (analysis 12)", description = "Over sales under the "
            + "filters: distribution (mean, median, 90th percentile, histogram by whole days) of the time to shipment and "
            + "to delivery, and the share of deliveries later than their estimate where an estimate is known.")
    public FulfilmentTimes fulfilmentTimes(@BeanParam AnalysisRequest request) {
        return operations.fulfilmentTimes(request.validated());
    }

    @GET
    @Path("/payments/method-mix")
    @Operation(summary = "Payment-method mix and success rate", description = "Per payment method, over the payment rows of "
            + "orders under the date, customer and status filters: attempts by status, success rate = succeeded / "
            + "(succeeded + failed), and the method's share of the succeeded amount.")
    public Page<PaymentMethodMix> paymentMethodMix(@BeanParam AnalysisRequest request) {
        return request.validated().pageRequest().of(operations.paymentMethodMix(request));
    }

    @GET
    @Path("/orders/status-breakdown")
    @Operation(summary = "Order status breakdown", description = "Orders (kind sale, every status including cancelled) under "
            + "the filters, per status: count, share of all and total amount.")
    public Page<OrderStatusShare> statusBreakdown(@BeanParam AnalysisRequest request) {
        return request.validated().pageRequest().of(operations.statusBreakdown(request));
    }
}
