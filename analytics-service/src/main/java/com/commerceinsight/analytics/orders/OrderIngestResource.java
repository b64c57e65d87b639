package com.commerceinsight.analytics.orders;

import java.net.URI;
import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.HeaderParam;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.analytics.idempotency.IdempotencyKey;
import com.commerceinsight.analytics.idempotency.IdempotencyKeys;
import com.commerceinsight.analytics.idempotency.IdempotentRequests;
import com.commerceinsight.analytics.idempotency.Replayable;
import com.commerceinsight.apikit.security.CallerCustomer;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.Roles;

import io.quarkus.security.ForbiddenException;

@RateLimited("writes")
@Path("/api/analytics/orders")
@Tag(name = "Orders", description = "Order ingest: each accepted change is published on commerce.orders.v1")
public class OrderIngestResource {

    private final OrderIngestService orders;
    private final OrderPlacementQueue placements;
    private final LockConflictRetry retry;
    private final IdempotencyKeys keys;
    private final IdempotentRequests idempotent;
    private final CallerCustomer caller;

    public OrderIngestResource(OrderIngestService orders, OrderPlacementQueue placements, LockConflictRetry retry,
                               IdempotencyKeys keys, IdempotentRequests idempotent, CallerCustomer caller) {
        this.orders = orders;
        this.placements = placements;
        this.retry = retry;
        this.keys = keys;
        this.idempotent = idempotent;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Place an order", description = "Writes the order, its lines, its first payment attempt and an "
            + "OrderPlaced event in one transaction (shared with the orders that arrived at the same time). 201 with the "
            + "order id once it is stored; 400 names each invalid field; 422 names an unknown customer or product; 503 "
            + "when too many orders wait to be written. A shopper may place orders only for the customer in its token "
            + "(403 otherwise); an operator for any customer. With an Idempotency-Key, a retry of the same request "
            + "answers the first answer (marked Idempotent-Replayed: true) and writes nothing; the key with another "
            + "request is a 422.")
    @RolesAllowed({Roles.SHOPPER, Roles.OPERATOR})
    public CompletionStage<Response> place(@Valid @NotNull PlaceOrderRequest request,
            @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context SecurityContext security, @Context UriInfo uri) {
        if (caller.isLimitedToOwnCustomer(Roles.OPERATOR) && request.customerId() != caller.customerId()) {
            throw new ForbiddenException("a shopper places orders only for the customer in its token, not customer "
                    + request.customerId());
        }
        // Non-blocking: parsed and validated on the event loop and answered when the batch has committed, so no worker
        // thread is parked per order in flight. The response is built on the writer thread, outside the request's
        // context, so its location is made absolute here (a relative one would be resolved against the request).
        URI orders = uri.getBaseUri().resolve("/api/analytics/orders/");
        IdempotencyKey key = keys.of(idempotencyKey, security, "place-order", request);
        return placements.submit(request, key).thenApply(placed ->
                replayMarked(Response.created(orders.resolve(Long.toString(placed.answer().orderId()))), placed));
    }

    static final String IDEMPOTENCY_KEY = "a unique value (1 to 200 printable ASCII characters) chosen by the client and "
            + "sent again with every retry of the same request; kept for analytics.idempotency.retention (a day)";

    private static Response replayMarked(Response.ResponseBuilder response, Replayable<?> answer) {
        if (answer.replayed()) {
            response.header(Replayable.REPLAYED_HEADER, "true");
        }
        return response.entity(answer.answer()).build();
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
    @Operation(summary = "Add a payment attempt", description = "Publishes PaymentStatusChanged with no previous status. "
            + "With an Idempotency-Key, a retry of the same request answers the first answer (marked Idempotent-Replayed: "
            + "true) and adds no second attempt; the key with another request is a 422.")
    @RolesAllowed(Roles.OPERATOR)
    public Response addPayment(@PathParam("orderId") long orderId, @Valid @NotNull PlaceOrderRequest.PaymentAttempt attempt,
            @Parameter(description = IDEMPOTENCY_KEY) @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @Context SecurityContext security) {
        IdempotencyKey key = keys.of(idempotencyKey, security, "add-payment:" + orderId, attempt);
        Replayable<StatusChanged> added = retry.run(() -> idempotent.replayOrRun(key, StatusChanged.class,
                () -> orders.addPayment(orderId, attempt)));
        return replayMarked(Response.status(Response.Status.CREATED), added);
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
