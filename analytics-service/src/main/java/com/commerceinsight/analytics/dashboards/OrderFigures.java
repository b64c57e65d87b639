package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The day and the measures every order summary has (see db/changes/dashboards.xml for their meaning): the keyed order
 * and category summaries and the category totals, which have no customer or payment key.
 */
@MappedSuperclass
abstract class OrderFigures {

    @Column(name = "summary_date")
    LocalDate day;
    long orders;
    @Column(name = "first_orders")
    long firstOrders;
    @Column(name = "returning_orders")
    long returningOrders;
    long units;
    BigDecimal revenue;
    @Column(name = "cancelled_units")
    long cancelledUnits;
    @Column(name = "cancelled_revenue")
    BigDecimal cancelledRevenue;
    @Column(name = "created_orders")
    long createdOrders;
    @Column(name = "pending_orders")
    long pendingOrders;
    @Column(name = "processing_orders")
    long processingOrders;
    @Column(name = "approved_orders")
    long approvedOrders;
    @Column(name = "invoiced_orders")
    long invoicedOrders;
    @Column(name = "shipped_orders")
    long shippedOrders;
    @Column(name = "delivered_orders")
    long deliveredOrders;
    @Column(name = "cancelled_orders")
    long cancelledOrders;
    @Column(name = "unavailable_orders")
    long unavailableOrders;
}
