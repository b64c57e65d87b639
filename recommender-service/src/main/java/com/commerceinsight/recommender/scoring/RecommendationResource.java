package com.commerceinsight.recommender.scoring;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.input.ParameterBounds;
import com.commerceinsight.recommender.limits.ApiLimits;
import com.commerceinsight.apikit.security.CallerCustomer;
import com.commerceinsight.apikit.security.Roles;

@Path("/api/recommendations")
@Tag(name = "Recommendations", description = "Served from the active model in memory")
public class RecommendationResource {

    private final RecommendationService recommendations;
    private final ApiLimits limits;
    private final CallerCustomer caller;

    public RecommendationResource(RecommendationService recommendations, ApiLimits limits, CallerCustomer caller) {
        this.recommendations = recommendations;
        this.limits = limits;
        this.caller = caller;
    }

    /**
     * Answered on the event-loop thread that read the request whenever the answer is in memory (every customer the
     * model knows, and cold customers seen before): no hand-over to a worker thread, which on a busy machine is
     * where the latency tail comes from. Only a cold customer's first request reads the database, on a worker.
     */
    @GET
    @Path("/customers/{customerId}")
    @Operation(summary = "Top-k products for a customer", description = "ALS for a customer the model knows (purchases "
            + "since training are folded in as their order events arrive), each with the customer's products that support it "
            + "most; popular products for a new or unknown customer, within the categories they bought from when known. "
            + "503 while no model is active.")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Uni<RecommendationList> forCustomer(@PathParam("customerId") long customerId,
            @Parameter(description = "list length, at most recommender.api.max-k") @QueryParam("k") @DefaultValue("10") @Min(1) int k,
            @Parameter(description = "only products of this category") @QueryParam("categoryId") Long categoryId,
            @Parameter(description = "keep products the customer already bought (left out by default)")
            @QueryParam("includeBought") @DefaultValue("false") boolean includeBought) {
        return recommend(customerId, k, categoryId, includeBought);
    }

    /** The shopper's own list: the token (already verified) names the customer, so this too starts on the event loop. */
    @GET
    @Path("/customers/me")
    @Operation(summary = "Top-k products for the signed-in shopper: the customer named by the token's customer claim",
            description = "Same answer as /customers/{customerId} for that customer; 403 when the token carries no customer.")
    @RolesAllowed(Roles.SHOPPER)
    public Uni<RecommendationList> forMe(
            @Parameter(description = "list length, at most recommender.api.max-k") @QueryParam("k") @DefaultValue("10") @Min(1) int k,
            @Parameter(description = "only products of this category") @QueryParam("categoryId") Long categoryId,
            @Parameter(description = "keep products the customer already bought (left out by default)")
            @QueryParam("includeBought") @DefaultValue("false") boolean includeBought) {
        return recommend(caller.customerId(), k, categoryId, includeBought);
    }

    /** Shared by the two forms rather than one calling the other, whose own role rule would then apply too. */
    private Uni<RecommendationList> recommend(long customerId, int k, Long categoryId, boolean includeBought) {
        ParameterBounds.atMost("k", k, limits.maxK());
        RecommendationList fromMemory = recommendations.fromMemory(customerId, k, categoryId, includeBought);
        if (fromMemory != null) {
            return Uni.createFrom().item(fromMemory);
        }
        return Uni.createFrom().item(() -> recommendations.forCustomer(customerId, k, categoryId, includeBought))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** From memory only, so on the event loop. */
    @GET
    @NonBlocking
    @Path("/products/{productId}/similar")
    @Operation(summary = "Products bought by the same customers", description = "Item-item cosine over co-purchases; 404 "
            + "for a product the active model does not know.")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public SimilarProducts similar(@PathParam("productId") long productId,
            @Parameter(description = "list length, at most recommender.api.max-k") @QueryParam("k") @DefaultValue("10") @Min(1) int k,
            @Parameter(description = "only products of this category") @QueryParam("categoryId") Long categoryId) {
        ParameterBounds.atMost("k", k, limits.maxK());
        return recommendations.similarTo(productId, k, categoryId);
    }
}
