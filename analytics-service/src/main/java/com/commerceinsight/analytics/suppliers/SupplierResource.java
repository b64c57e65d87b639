package com.commerceinsight.analytics.suppliers;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.analytics.paging.Page;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

/** The console's Suppliers page: each supplier's products, sales, rating, stock and returns, and one supplier's products. */
@RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
@RateLimited("costly-reads")
@Path("/api/analytics/suppliers")
@Tag(name = "Suppliers", description = "A product's supplier is the product's own; sales are the analyses' sales (not "
        + "cancelled, unavailable or refunded)")
public class SupplierResource {

    private final SupplierQueries suppliers;

    public SupplierResource(SupplierQueries suppliers) {
        this.suppliers = suppliers;
    }

    @GET
    @Operation(summary = "Suppliers with their products' sales, rating, stock and returns", description = "Every supplier, most "
            + "revenue first: products, products low on stock now, units, revenue and orders of the sales placed in the "
            + "range, mean rating of every review of its products, returns of the orders placed in the range that hold "
            + "its products.")
    public Page<SupplierSummary> suppliers(@BeanParam SupplierRequest request,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Items per page, 1 to 500") @QueryParam("size") @DefaultValue("20") int size) {
        return suppliers.suppliers(request.validated(page, size), request.lowStockBelow);
    }

    @GET
    @Path("/{supplierId}")
    @Operation(summary = "One supplier with its figures", description = "As a row of the supplier list; 404 for an unknown supplier.")
    public SupplierSummary supplier(@PathParam("supplierId") long supplierId, @BeanParam SupplierRequest request) {
        return suppliers.supplier(supplierId, request.validated(0, 1), request.lowStockBelow)
                .orElseThrow(() -> new NotFoundException("no supplier " + supplierId));
    }

    @GET
    @Path("/{supplierId}/products")
    @Operation(summary = "One supplier's products with their sales, rating, stock and returns", description = "Its products, "
            + "most revenue in the range first; 404 for an unknown supplier.")
    public Page<SupplierProduct> products(@PathParam("supplierId") long supplierId, @BeanParam SupplierRequest request,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") int page,
            @Parameter(description = "Items per page, 1 to 500") @QueryParam("size") @DefaultValue("20") int size) {
        var analysis = request.validated(page, size);
        if (!suppliers.exists(supplierId)) {
            throw new NotFoundException("no supplier " + supplierId);
        }
        return suppliers.products(supplierId, analysis, request.lowStockBelow);
    }
}
