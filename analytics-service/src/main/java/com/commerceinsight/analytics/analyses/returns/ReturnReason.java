package com.commerceinsight.analytics.analyses.returns;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Returns of one reason")
public record ReturnReason(
        @Schema(description = "The reason as recorded; null where none was") String reason,
        @Schema(description = "Returns of orders placed in the range") long returns,
        @Schema(description = "Of those, returns with status approved") long approved,
        @Schema(description = "Share of all the returns in the range, 0-1") double share) {
}
