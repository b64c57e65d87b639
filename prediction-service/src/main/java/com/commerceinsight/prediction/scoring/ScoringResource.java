package com.commerceinsight.prediction.scoring;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.commerceinsight.apikit.input.InvalidParameterException;
import com.commerceinsight.apikit.input.ParameterBounds;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.apikit.security.CallerCustomer;
import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.prediction.features.RepurchaseFeature;
import com.commerceinsight.prediction.limits.ApiLimits;

/** Repurchase scores from the active model: one customer live, the latest stored score, or a batch of feature rows. */
@Path("/api/predictions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Repurchase scores")
public class ScoringResource {

    /** Rows of features by name (see GET /api/predictions/features); a feature left out counts as missing. */
    public record BatchScoreRequest(@NotEmpty List<@NotNull Map<String, Double>> rows) {
    }

    public record RowScore(@Schema(description = "P(at least one order within H days)") double probability,
                           @Schema(description = "probability >= the model's threshold") boolean predictedRepurchase) {
    }

    public record BatchScoreResponse(long modelVersionId, double threshold, List<RowScore> scores) {
    }

    public record FeatureView(String name, String description) {
    }

    public record StoredScore(long customerId, long modelVersionId, double probability, boolean predictedRepurchase,
                              java.time.LocalDateTime asOf, java.time.LocalDateTime scoredAt) {
    }

    private static final Set<String> FEATURE_NAMES = Set.copyOf(RepurchaseFeature.names());
    private final RepurchaseScoring scoring;
    private final ServingConfig config;
    private final ApiLimits limits;
    private final CallerCustomer caller;

    public ScoringResource(RepurchaseScoring scoring, ServingConfig config, ApiLimits limits, CallerCustomer caller) {
        this.scoring = scoring;
        this.config = config;
        this.limits = limits;
        this.caller = caller;
    }

    @GET
    @Path("/customers/{customerId}/repurchase")
    @Operation(summary = "The customer's probability of ordering within H days of now, the label at the model's threshold and "
            + "the features that moved the score most (contributions to the log-odds)",
            description = "Served from the customer's stored feature vector (kept current by the order events), its recency "
                    + "and tenure features counted up to now; a customer no event has touched yet is read from the commerce "
                    + "history once. The contributions cost a SHAP pass over every tree: pass contributions=0 when only the "
                    + "probability is needed.")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public RepurchaseScoring.CustomerRepurchase customer(@PathParam("customerId") long customerId,
            @Parameter(description = "how many top contributions to list (default prediction.serving.top-contributions; 0 = none; "
                    + "at most prediction.api.max-contributions)")
            @QueryParam("contributions") @Min(0) Integer contributions) throws SQLException {
        return score(customerId, contributions);
    }

    @GET
    @Path("/customers/me/repurchase")
    @Operation(summary = "The signed-in shopper's own score: the customer named by the token's customer claim",
            description = "Same answer as /customers/{customerId}/repurchase for that customer; 403 when the token carries "
                    + "no customer.")
    @RolesAllowed(Roles.SHOPPER)
    public RepurchaseScoring.CustomerRepurchase mine(
            @Parameter(description = "how many top contributions to list (default prediction.serving.top-contributions; 0 = none; "
                    + "at most prediction.api.max-contributions)")
            @QueryParam("contributions") @Min(0) Integer contributions) throws SQLException {
        return score(caller.customerId(), contributions);
    }

    /** Shared by the two forms rather than one calling the other, whose own role rule would then apply too. */
    private RepurchaseScoring.CustomerRepurchase score(long customerId, Integer contributions) throws SQLException {
        if (contributions != null) {
            ParameterBounds.atMost("contributions", contributions, limits.maxContributions());
        }
        return scoring.scoreCustomer(customerId, contributions != null ? contributions : config.topContributions())
                .orElseThrow(() -> new NotFoundException("customer " + customerId + " has no order to score from"));
    }

    @GET
    @Path("/customers/{customerId}/repurchase/latest")
    @Operation(summary = "The score stored when the customer's last order event was processed (or, for a customer no event "
            + "has touched, at their first scoring request)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public StoredScore latest(@PathParam("customerId") long customerId) {
        return CustomerScore.<CustomerScore>findByIdOptional(customerId)
                .map(s -> new StoredScore(s.customerId, s.modelVersionId, s.probability, s.predictedRepurchase, s.asOf, s.scoredAt))
                .orElseThrow(() -> new NotFoundException("no stored score for customer " + customerId));
    }

    @POST
    @Path("/scores")
    @Consumes(MediaType.APPLICATION_JSON)
    @RateLimited("batch-scoring")
    @Operation(summary = "Score feature rows in one batch with the active model (at most prediction.api.max-batch-rows rows)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public BatchScoreResponse batch(@Valid @NotNull BatchScoreRequest request) {
        ParameterBounds.atMost("rows", request.rows().size(), limits.maxBatchRows());
        for (int r = 0; r < request.rows().size(); r++) {
            for (String name : request.rows().get(r).keySet()) {
                if (!FEATURE_NAMES.contains(name)) {
                    throw new InvalidParameterException("rows[" + r + "]." + name, "unknown feature " + name);
                }
            }
        }
        RepurchaseScoring.BatchScores batch = scoring.scoreRows(request.rows());
        List<RowScore> scores = new ArrayList<>();
        for (double p : batch.probabilities()) {
            scores.add(new RowScore(p, p >= batch.threshold()));
        }
        return new BatchScoreResponse(batch.modelVersionId(), batch.threshold(), scores);
    }

    @GET
    @Path("/features")
    @Operation(summary = "The features, in model column order, with what each measures")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public List<FeatureView> features() {
        return java.util.Arrays.stream(RepurchaseFeature.values()).map(f -> new FeatureView(f.featureName(), f.description())).toList();
    }
}
