package com.commerceinsight.segmentation.segments;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.commerceinsight.apikit.input.ParameterBounds;
import com.commerceinsight.apikit.limits.RateLimited;
import com.commerceinsight.segmentation.limits.ApiLimits;
import com.commerceinsight.apikit.security.CallerCustomer;
import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.apikit.paging.Page;
import com.commerceinsight.apikit.paging.PageRequest;
import com.commerceinsight.segmentation.segments.SegmentViews.CustomerSegmentView;
import com.commerceinsight.segmentation.segments.SegmentViews.ModelSegments;
import com.commerceinsight.segmentation.segments.SegmentViews.Projection;
import com.fasterxml.jackson.core.JsonProcessingException;

/** The active model's segments, their customers, a customer's segment, and a 2-D projection for plotting. */
@Path("/api/segments")
@Produces(MediaType.APPLICATION_JSON)
public class SegmentResource {

    private final SegmentQueries queries;
    private final ApiLimits limits;
    private final CallerCustomer caller;

    public SegmentResource(SegmentQueries queries, ApiLimits limits, CallerCustomer caller) {
        this.queries = queries;
        this.limits = limits;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The active model's segments with their profiles; 404 before a first model is trained")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public ModelSegments segments() throws JsonProcessingException {
        return queries.segments();
    }

    @GET
    @Path("/{segmentId}/customers")
    @Operation(summary = "The customers now in a segment, by customer id (size at most segmentation.api.max-segment-page-size)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Page<CustomerSegmentView> customers(@PathParam("segmentId") int segmentId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) int size) {
        return PageRequest.checked(page, size, limits.maxSegmentPageSize()).within(queries.customersOf(segmentId, page, size));
    }

    @GET
    @Path("/customers/me")
    @Operation(summary = "The signed-in shopper's own segment: the customer named by the token's customer claim",
            description = "Same answer as /customers/{customerId} for that customer; 403 when the token carries no customer.")
    @RolesAllowed(Roles.SHOPPER)
    public CustomerSegmentView mine() {
        return queries.customer(caller.customerId());
    }

    @GET
    @Path("/customers/{customerId}")
    @Operation(summary = "A customer's segment, features and distance to each centroid")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public CustomerSegmentView customer(@PathParam("customerId") long customerId) {
        return queries.customer(customerId);
    }

    @GET
    @Path("/projection")
    @RateLimited("projection")
    @Operation(summary = "A seeded sample of segmented customers on the model's two principal axes (PCA), with their segment ids",
            description = "sample at most segmentation.api.max-projection-sample; rate-limited per caller (429 with Retry-After)")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public Projection projection(@QueryParam("sample") @DefaultValue("2000") @Min(1) int sample) {
        ParameterBounds.atMost("sample", sample, limits.maxProjectionSample());
        return queries.projection(sample);
    }
}
