package com.commerceinsight.analytics.catalog;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.security.Roles;

/**
 * The catalogue as readers of the other services' answers need it: category names for the console's slicers, and
 * product names for the product and category ids the ML services answer with.
 */
@Path("/api/analytics/catalog")
@Tag(name = "Catalogue")
public class CatalogResource {

    private final CatalogQueries catalog;

    public CatalogResource(CatalogQueries catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/categories")
    @Operation(summary = "Every category with its parent", description = "All categories, by name (a shop has tens to "
            + "hundreds; the list is not paged).")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public List<CatalogCategory> categories() {
        return catalog.categories();
    }

    @GET
    @Path("/products")
    @Operation(summary = "Products by id", description = "The named products (1 to " + CatalogQueries.MAX_IDS
            + " ids, comma-separated) with name, SKU, category, price and stock, in the order asked; unknown ids are left out.")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public List<CatalogProduct> products(
            @Parameter(description = "Comma-separated product ids, e.g. 3,17,42") @QueryParam("ids") String ids) {
        return catalog.products(ProductIds.parse(ids));
    }
}
