package com.commerceinsight.recommender.activity;

import java.io.Serializable;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * What a customer bought of one product over all placed orders: the implicit feedback recommendations learn from,
 * and the history buy-again ranks (orders, first and last time).
 * A cancelled order is not taken back: it still shows interest in the product. Times are UTC.
 */
@Entity
@Table(schema = "recommender", name = "customer_item")
@IdClass(CustomerItem.Key.class)
public class CustomerItem extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public Long customerId;

    @Id
    @Column(name = "product_id")
    public Long productId;

    /** Summed quantity over the orders. */
    public int quantity;

    /** Orders with this product, however many lines it had in each. */
    public int orders;

    /**
     * The first order with this product; null on rows counted before the column existed with more than one order
     * (their first order is not known: buy-again then gives no usual interval).
     */
    @Column(name = "first_bought_at")
    public LocalDateTime firstBoughtAt;

    @Column(name = "last_bought_at")
    public LocalDateTime lastBoughtAt;

    public record Key(Long customerId, Long productId) implements Serializable {
    }

    /** A row with nothing bought yet; a batch's delta for the customer and product starts from it (see BatchItems). */
    static CustomerItem empty(long customerId, long productId) {
        CustomerItem item = new CustomerItem();
        item.customerId = customerId;
        item.productId = productId;
        return item;
    }

    void addOrder(int orderedQuantity, LocalDateTime orderedAt) {
        quantity += orderedQuantity;
        orders++;
        firstBoughtAt = firstBoughtAt == null || orderedAt.isBefore(firstBoughtAt) ? orderedAt : firstBoughtAt;
        lastBoughtAt = lastBoughtAt == null || orderedAt.isAfter(lastBoughtAt) ? orderedAt : lastBoughtAt;
    }
}
