package com.commerceinsight.analytics.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The columns the order and the category summaries share (see db/changes/dashboards.xml for their meaning). */
@MappedSuperclass
abstract class SummarisedOrders {

    @Column(name = "summary_date")
    LocalDate day;
    @Column(name = "customer_state")
    String customerState;
    @Column(name = "customer_country")
    String customerCountry;
    @Column(name = "payment_method")
    String paymentMethod;
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
