package com.commerceinsight.analytics.analyses.customers;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Customers who bought in a period, split by whether it was their first period with a sale")
public record NewVsReturning(
        @Schema(description = "First day of the period") LocalDate periodStart,
        @Schema(description = "Customers whose first-ever sale falls in the period") long newCustomers,
        @Schema(description = "Customers with a sale in the period and an earlier one before it") long returningCustomers,
        @Schema(description = "Revenue of the new customers' sales in the period") BigDecimal newCustomerRevenue,
        @Schema(description = "Revenue of the returning customers' sales in the period") BigDecimal returningCustomerRevenue) {
}
