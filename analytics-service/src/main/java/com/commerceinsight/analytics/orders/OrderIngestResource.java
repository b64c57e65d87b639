package com.commerceinsight.analytics.orders;

import java.net.URI;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.security.CallerCustomer;
import com.commerceinsight.apikit.security.Roles;

import io.quarkus.security.ForbiddenException;

@Path("/api/analytics/orders")
@Tag(name = "Orders", description = "Order ingest: each accepted change is published on commerce.orders.v1")
public class OrderIngestResource {

    private final OrderIngestService orders;
    private final OrderPlacementQueue placements;
    private final LockConflictRetry retry;
    private final CallerCustomer caller;

    public OrderIngestResource(OrderIngestService orders, OrderPlacementQueue placements, LockConflictRetry retry,
            CallerCustomer caller) {
        this.orders = orders;
        this.placements = placements;
        this.retry = retry;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Place an order", description = "Writes the order, its lines, its first payment attempt and an "
            + "OrderPlaced event in one transaction (shared with the orders that arrived at the same time). 201 with the "
            + "order id once it is stored; 400 names each invalid field; 422 names an unknown customer or product; 503 "
            + "when too many orders wait to be written. A shopper may place orders only for the customer in its token "
            + "(403 otherwise); an operator for any customer.")
    @RolesAllowed({Roles.SHOPPER, Roles.OPERATOR})
    public CompletionStage<Response> place(@Valid @NotNull PlaceOrderRequest request, @Context UriInfo uri) {
        if (caller.isLimitedToOwnCustomer(Roles.OPERATOR) && request.customerId() != caller.customerId()) {
            throw new ForbiddenException("a shopper places orders only for the customer in its token, not customer "
                    + request.customerId());
        }
        // Non-blocking: parsed and validated on the event loop and answered when the batch has committed, so no worker
        // thread is parked per order in flight. The response is built on the writer thread, outside the request's
        // context, so its location is made absolute here (a relative one would be resolved against the request).
        URI orders = uri.getBaseUri().resolve("/api/analytics/orders/");
        return placements.submit(request).thenApply(accepted ->
                Response.created(orders.resolve(Long.toString(accepted.orderId()))).entity(accepted).build());
    }

    @PUT
    @Path("/{orderId}/status")
    @Operation(summary = "Change an order's status", description = "Publishes OrderStatusChanged. 409 for a change the "
            + "order's life does not allow (e.g. from delivered or cancelled).")
    @RolesAllowed(Roles.OPERATOR)
    public StatusChanged changeStatus(@PathParam("orderId") long orderId, @Valid @NotNull OrderStatusRequest request) {
        return retry.run(() -> orders.changeOrderStatus(orderId, request.status()));
    }

    @POST
    @Path("/{orderId}/payments")
    @Operation(summary = "Add a payment attempt", description = "Publishes PaymentStatusChanged with no previous status.")
    @RolesAllowed(Roles.OPERATOR)
    public Response addPayment(@PathParam("orderId") long orderId, @Valid @NotNull PlaceOrderRequest.PaymentAttempt attempt) {
        StatusChanged added = retry.run(() -> orders.addPayment(orderId, attempt));
        return Response.status(Response.Status.CREATED).entity(added).build();
    }

    @PUT
    @Path("/{orderId}/payments/{paymentId}/status")
    @Operation(summary = "Change a payment's status", description = "Publishes PaymentStatusChanged. 409 for a change "
            + "a payment does not allow (failed and refunded are final).")
    @RolesAllowed(Roles.OPERATOR)
    public StatusChanged changePaymentStatus(@PathParam("orderId") long orderId, @PathParam("paymentId") long paymentId,
            @Valid @NotNull PaymentStatusRequest request) {
        return retry.run(() -> orders.changePaymentStatus(orderId, paymentId, request.status()));
    }
}
