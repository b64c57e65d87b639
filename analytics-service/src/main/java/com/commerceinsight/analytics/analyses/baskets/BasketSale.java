package com.commerceinsight.analytics.analyses.baskets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A sales order the basket counts hold (table {@code basket_sale}, written by {@link SaleMembership}), read only. */
@Entity
@Immutable
@Table(schema = "commerce", name = "basket_sale")
public class BasketSale {

    @Id
    @Column(name = "order_id")
    public Long orderId;
}
