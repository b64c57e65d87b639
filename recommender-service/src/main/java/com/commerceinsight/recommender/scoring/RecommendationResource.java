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
import com.commerceinsight.recommender.buyagain.BuyAgainList;
import com.commerceinsight.recommender.buyagain.BuyAgainService;
import com.commerceinsight.recommender.limits.ApiLimits;
import com.commerceinsight.apikit.security.CallerCustomer;
import com.commerceinsight.apikit.security.Roles;

@Path("/api/recommendations")
@Tag(name = "Recommendations", description = "Served from the active model in memory")
public class RecommendationResource {

    private final RecommendationService recommendations;
    private final BuyAgainService buyAgain;
    private final ApiLimits limits;
    private final CallerCustomer caller;

    public RecommendationResource(RecommendationService recommendations, BuyAgainService buyAgain, ApiLimits limits,
            CallerCustomer caller) {
        this.recommendations = recommendations;
        this.buyAgain = buyAgain;
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

    /**
     * Beside the ALS list, which leaves out what the customer bought: their bought products ranked by how likely they
     * are to be bought again. Here rather than in a resource of its own because it shares the customer paths (a second
     * root resource on /api/recommendations/customers would shadow these). Reads the database, so on a worker.
     */
    @GET
    @Path("/customers/{customerId}/buy-again")
    @Operation(summary = "Products the customer bought before, most likely to be bought again first",
            description = "Ranked from the customer's own orders (as their order events arrive) and each product's repurchase "
                    + "share, with the reason; an empty list for a customer whose orders this service has not seen. Needs no "
                    + "active model.")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public BuyAgainList buyAgain(@PathParam("customerId") long customerId,
            @Parameter(description = "list length, at most recommender.api.max-k") @QueryParam("limit") @DefaultValue("10") @Min(1) int limit) {
        return buyAgainList(customerId, limit);
    }

    @GET
    @Path("/customers/me/buy-again")
    @Operation(summary = "The signed-in shopper's buy-again list: the customer named by the token's customer claim",
            description = "Same answer as /customers/{customerId}/buy-again for that customer; 403 when the token carries no customer.")
    @RolesAllowed(Roles.SHOPPER)
    public BuyAgainList buyAgainForMe(
            @Parameter(description = "list length, at most recommender.api.max-k") @QueryParam("limit") @DefaultValue("10") @Min(1) int limit) {
        return buyAgainList(caller.customerId(), limit);
    }

    private BuyAgainList buyAgainList(long customerId, int limit) {
        ParameterBounds.atMost("limit", limit, limits.maxK());
        return buyAgain.forCustomer(customerId, limit);
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
