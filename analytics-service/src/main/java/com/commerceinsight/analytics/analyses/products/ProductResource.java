package com.commerceinsight.analytics.analyses.products;

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

import com.commerceinsight.analytics.analyses.AnalysisRequest;
import com.commerceinsight.analytics.analyses.Granularity;
import com.commerceinsight.analytics.paging.Page;
import com.commerceinsight.analytics.problem.InvalidFieldException;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

@RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
@RateLimited("costly-reads")
@Path("/api/analytics/analyses/products")
@Tag(name = "Analyses: products")
public class ProductResource {

    private final ProductQueries products;
    private final ProductSalesSeries series;

    public ProductResource(ProductQueries products, ProductSalesSeries series) {
        this.products = products;
        this.series = series;
    }

    @GET
    @Path("/{productId}/sales")
    @Operation(summary = "One product's sales per day, week or month", description = "Sales orders with the product, its "
            + "units and line revenue per period from the first to the last day asked (or with its sales), empty periods "
            + "included, under the filters (dates, customer country/state, status, payment method); series spans are "
            + "limited as for sales/by-period; 404 for an unknown product.")
    public Page<ProductPeriodSales> sales(@PathParam("productId") long productId, @BeanParam AnalysisRequest request,
            @Parameter(description = "day, week (ISO, from Monday) or month") @QueryParam("granularity") @DefaultValue("month")
            String granularity) {
        Granularity step = Granularity.parse("granularity", granularity);
        request.validated();
        if (!series.exists(productId)) {
            throw new NotFoundException("no product " + productId);
        }
        return request.pageRequest().of(series.series(productId, request, step));
    }

    @GET
    @Path("/top-selling")
    @Operation(summary = "Best-selling products by units (analysis 2)", description = "Products ranked by units sold in sales "
            + "orders under the filters (dates, customer country/state, status, payment method, category); grouped by "
            + "product id, so products that share a name are not merged. The page size is the N of top N.")
    public Page<ProductSales> topSelling(@BeanParam AnalysisRequest request) {
        return products.topSelling(request.validated());
    }

    @GET
    @Path("/low-stock")
    @Operation(summary = "Products below a stock threshold (analysis 4)", description = "Products whose current stock is "
            + "strictly below the threshold, lowest first; optional category filter.")
    public Page<LowStockProduct> lowStock(@BeanParam AnalysisRequest request,
            @Parameter(description = "Stock below this is low") @QueryParam("threshold") @DefaultValue("20") int threshold) {
        return products.lowStock(request.validated(), threshold);
    }

    @GET
    @Path("/ratings")
    @Operation(summary = "Average rating per product (analysis 6)", description = "Mean review rating (1-5) as a decimal with "
            + "the number of reviews, best first; reviews of whole orders (no product) are left out; optional category filter.")
    public Page<ProductRating> ratings(@BeanParam AnalysisRequest request,
            @Parameter(description = "Only products with at least this many reviews") @QueryParam("minReviews") @DefaultValue("1")
            int minReviews) {
        if (minReviews < 1) {
            throw new InvalidFieldException("minReviews", "minReviews must be 1 or more");
        }
        return products.ratings(request.validated(), minReviews);
    }
}
