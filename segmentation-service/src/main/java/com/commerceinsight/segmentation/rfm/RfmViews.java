package com.commerceinsight.segmentation.rfm;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response bodies of the RFM map and the transition matrices. */
public final class RfmViews {

    private RfmViews() {
    }

    @Schema(description = "The RFM segment map now: customers per named cell, per grid square, and per k-means segment")
    public record RfmMapView(long modelId,
            @Schema(description = "Customers scored (those with an order), each at their own assessment time") long customers,
            @Schema(description = "Every cell of the map, in a fixed order, with its customers and their share") List<CellCount> cells,
            @Schema(description = "Customers per grid square: grid[fm - 1][r - 1], R the recency score, FM the mean of the "
                    + "frequency and monetary scores (halves up)") long[][] grid,
            @Schema(description = "The cell of each grid square, same indexing as grid") RfmCell[][] gridCells,
            @Schema(description = "Per k-means segment of the active model, its customers per cell") List<SegmentCells> bySegment) {
    }

    public record CellCount(RfmCell cell, long customers, double share) {
    }

    public record SegmentCells(int segmentId, String name, Map<RfmCell, Long> cells) {
    }

    @Schema(description = "How customers moved between segments and between RFM cells from the end of one month to the end "
            + "of the next, both read from the order history and assessed with the active model")
    public record TransitionsView(long modelId,
            @Schema(description = "The first assessment: the last millisecond of the month before (UTC)") LocalDateTime from,
            @Schema(description = "The second: the last millisecond of the month (UTC)") LocalDateTime to,
            TransitionMatrix segments, TransitionMatrix rfm) {
    }

    @Schema(description = "counts[i][j]: customers in labels[i] at from and in labels[j] at to; the last label is "
            + "\"No order\" (not yet a customer with an order, or every order cancelled)")
    public record TransitionMatrix(List<String> labels, long[][] counts) {
    }
}
