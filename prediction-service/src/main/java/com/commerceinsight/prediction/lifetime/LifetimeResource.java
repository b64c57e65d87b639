package com.commerceinsight.prediction.lifetime;

import java.sql.SQLException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.security.CallerCustomer;
import com.commerceinsight.apikit.security.Roles;

/** Customers' BG/NBD and Gamma-Gamma predictions and 12-month value, from the active lifetime model. */
@Path("/api/predictions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer lifetime")
public class LifetimeResource {

    private final LifetimeScoring scoring;
    private final CallerCustomer caller;

    public LifetimeResource(LifetimeScoring scoring, CallerCustomer caller) {
        this.scoring = scoring;
        this.caller = caller;
    }

    @GET
    @Path("/customers/{customerId}/lifetime")
    @Operation(summary = "The customer's P(alive), expected purchases and P(a purchase) within H days, expected spend per "
            + "purchase and discounted lifetime value, from the active BG/NBD and Gamma-Gamma",
            description = "Computed on read from the customer's orders in the commerce schema at the time of the request: an "
                    + "order counts as soon as it is committed. 404 for a customer without a sale order, 503 while no lifetime "
                    + "model is active.")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public CustomerLifetime customer(@PathParam("customerId") long customerId) throws SQLException {
        return lifetime(customerId);
    }

    @GET
    @Path("/customers/me/lifetime")
    @Operation(summary = "The signed-in shopper's own lifetime figures: the customer named by the token's customer claim",
            description = "Same answer as /customers/{customerId}/lifetime for that customer; 403 when the token carries no customer.")
    @RolesAllowed(Roles.SHOPPER)
    public CustomerLifetime mine() throws SQLException {
        return lifetime(caller.customerId());
    }

    /** Shared by the two forms rather than one calling the other, whose own role rule would then apply too. */
    private CustomerLifetime lifetime(long customerId) throws SQLException {
        return scoring.customerLifetime(customerId)
                .orElseThrow(() -> new NotFoundException("customer " + customerId + " has no sale order to predict from"));
    }
}
