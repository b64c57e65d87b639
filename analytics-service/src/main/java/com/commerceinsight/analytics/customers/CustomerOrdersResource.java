package com.commerceinsight.analytics.customers;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.paging.Page;
import com.commerceinsight.apikit.security.Roles;

/** One customer's order history, for the console's Customer page. */
@RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
@Path("/api/analytics/customers/{customerId}/orders")
@Tag(name = "Customers")
public class CustomerOrdersResource {

    private final CustomerOrderHistory history;

    public CustomerOrdersResource(CustomerOrderHistory history) {
        this.history = history;
    }

    @GET
    @Operation(summary = "A customer's orders with their lines", description = "Every order of the customer (any kind and "
            + "status), newest first, each with its lines and their products' names; 404 for an unknown customer.")
    public Page<CustomerOrderView> orders(@PathParam("customerId") long customerId,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Orders per page, 1 to 500") @QueryParam("size") @DefaultValue("20") int size) {
        AnalysisRequest request = AnalysisRequest.none();
        request.page = page;
        request.size = size;
        request.validated();
        if (!history.exists(customerId)) {
            throw new NotFoundException("no customer " + customerId);
        }
        return history.orders(customerId, request.pageRequest());
    }
}
