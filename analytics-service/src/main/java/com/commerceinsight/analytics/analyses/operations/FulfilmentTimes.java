package com.commerceinsight.analytics.analyses.operations;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How long sales took to ship and to arrive")
public record FulfilmentTimes(
        @Schema(description = "Order time to shipment (the order's shipped_at, else its earliest shipment)") DurationSummary toShipment,
        @Schema(description = "Order time to delivery (delivered_at)") DurationSummary toDelivery,
        @Schema(description = "Delivered orders that have an estimated delivery time") long deliveriesWithEstimate,
        @Schema(description = "Of them, delivered after the estimate") long lateDeliveries,
        @Schema(description = "lateDeliveries / deliveriesWithEstimate; null where no estimate is known") Double lateShare,
        @Schema(description = "Orders left out because a shipment or delivery time lies before the order time") long inconsistentOrders) {
}
