package com.commerceinsight.analytics.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new order: who buys, what, and the first payment attempt. */
public record PlaceOrderRequest(
        @NotNull @Positive Long customerId,
        @Schema(description = "when the order was placed (1970 to a day after now); default: now") @PlausibleOrderTime Instant orderedAt,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotEmpty @Size(max = 500) List<@Valid @NotNull Line> lines,
        @NotNull @Valid PaymentAttempt payment) {

    public record Line(
            @NotNull @Positive Long productId,
            @NotNull @Positive @Max(100_000) Integer quantity,
            @Schema(description = "default: the product's list price")
            @DecimalMin("0.00") @Digits(integer = 11, fraction = 3) BigDecimal unitPrice) {
    }

    public record PaymentAttempt(
            @NotBlank @Size(max = 30) @Pattern(regexp = "[a-z_]+", message = "lower-case words joined by _, e.g. credit_card") String method,
            @Min(1) @Max(48) Integer instalments,
            @NotNull @Pattern(regexp = "pending|succeeded|failed", message = "must be pending, succeeded or failed") String status) {
    }
}
