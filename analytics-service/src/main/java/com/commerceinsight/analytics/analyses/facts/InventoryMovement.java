package com.commerceinsight.analytics.analyses.facts;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A stock movement (table {@code inventory_movement}): a sale is negative, a return or a restock positive. */
@Entity
@Immutable
@Table(schema = "commerce", name = "inventory_movement")
public class InventoryMovement {

    @Id
    public Long id;

    @Column(name = "product_id")
    public long productId;

    public int quantity;

    @Column(name = "movement_type")
    public String movementType;

    @Column(name = "moved_at")
    public LocalDateTime movedAt;
}
