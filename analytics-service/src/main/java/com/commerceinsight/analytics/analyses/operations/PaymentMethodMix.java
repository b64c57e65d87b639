package com.commerceinsight.analytics.analyses.operations;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Payment attempts of one method on orders under the filters")
public record PaymentMethodMix(String method,
        @Schema(description = "Payment rows of the method (every attempt, refund rows included)") long attempts,
        long succeeded, long failed, long refunded, long pending,
        @Schema(description = "succeeded / (succeeded + failed); null when neither") Double successRate,
        @Schema(description = "Sum of succeeded amounts") BigDecimal succeededAmount,
        @Schema(description = "succeededAmount / all methods' succeededAmount") Double shareOfSucceededAmount) {
}
