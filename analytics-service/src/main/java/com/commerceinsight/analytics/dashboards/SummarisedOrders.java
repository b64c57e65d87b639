package com.commerceinsight.analytics.dashboards;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** The order and the category summaries: their figures under the customer's state and country and the first payment method. */
@MappedSuperclass
abstract class SummarisedOrders extends OrderFigures {

    @Column(name = "customer_state")
    String customerState;
    @Column(name = "customer_country")
    String customerCountry;
    @Column(name = "payment_method")
    String paymentMethod;
}
