package com.commerceinsight.segmentation.rfm;

import java.time.YearMonth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.segmentation.rfm.RfmViews.RfmMapView;
import com.commerceinsight.segmentation.rfm.RfmViews.TransitionsView;

/** The RFM segment map beside the k-means segments, and how customers move month to month in both. */
@Path("/api/segments")
@Produces(MediaType.APPLICATION_JSON)
public class RfmMapResource {

    private final RfmMap map;

    public RfmMapResource(RfmMap map) {
        this.map = map;
    }

    @GET
    @Path("/rfm-map")
    @Operation(summary = "Customers per cell of the RFM segment map (Champions ... Lost), per square of the 5 x 5 R x FM grid "
            + "and per k-means segment, scored against the active model's quintiles; current with order events")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public RfmMapView rfmMap() {
        return map.now();
    }

    @GET
    @Path("/transitions")
    @Operation(summary = "Month-to-month transition matrices of the k-means segments and of the RFM cells, from the end of "
            + "the month before to the end of the given month, assessed from the order history with the active model")
    @RolesAllowed({Roles.ANALYST, Roles.OPERATOR, Roles.ML_ENGINEER})
    public TransitionsView transitions(
            @QueryParam("month") @NotNull @Pattern(regexp = "[0-9]{4}-(0[1-9]|1[0-2])", message = "must be a month, yyyy-MM")
            String month) {
        return map.transitions(YearMonth.parse(month));
    }
}
