package com.commerceinsight.segmentation.segments;

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
import com.commerceinsight.segmentation.paging.Page;
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

    public SegmentResource(SegmentQueries queries, ApiLimits limits) {
        this.queries = queries;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "The active model's segments with their profiles; 404 before a first model is trained")
    public ModelSegments segments() throws JsonProcessingException {
        return queries.segments();
    }

    @GET
    @Path("/{segmentId}/customers")
    @Operation(summary = "The customers now in a segment, by customer id (size at most segmentation.api.max-segment-page-size)")
    public Page<CustomerSegmentView> customers(@PathParam("segmentId") int segmentId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) int size) {
        ParameterBounds.atMost("size", size, limits.maxSegmentPageSize());
        ParameterBounds.pageInRange(page, size);
        Page<CustomerSegmentView> customers = queries.customersOf(segmentId, page, size);
        ParameterBounds.pageWithinTotal(page, size, customers.total());
        return customers;
    }

    @GET
    @Path("/customers/{customerId}")
    @Operation(summary = "A customer's segment, features and distance to each centroid")
    public CustomerSegmentView customer(@PathParam("customerId") long customerId) {
        return queries.customer(customerId);
    }

    @GET
    @Path("/projection")
    @RateLimited("projection")
    @Operation(summary = "A seeded sample of segmented customers on the model's two principal axes (PCA), with their segment ids",
            description = "sample at most segmentation.api.max-projection-sample; rate-limited per caller (429 with Retry-After)")
    public Projection projection(@QueryParam("sample") @DefaultValue("2000") @Min(1) int sample) {
        ParameterBounds.atMost("sample", sample, limits.maxProjectionSample());
        return queries.projection(sample);
    }
}
