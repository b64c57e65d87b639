package com.commerceinsight.recommender.foldin;

import java.io.Serializable;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A customer's signals and vector after purchases were folded into a model version: shared through the database so
 * every replica serves it (the order event reached only one of them) and so it survives a restart.
 */
@Entity
@Table(schema = "recommender", name = "customer_fold_in")
@IdClass(CustomerFoldIn.Key.class)
public class CustomerFoldIn extends PanacheEntityBase {

    @Id
    @Column(name = "model_version_id")
    public String modelVersionId;

    @Id
    @Column(name = "customer_id")
    public Long customerId;

    /** Product columns (int) then strengths (float), big-endian. */
    @Lob
    public byte[] signals;

    /** The customer's factors (float), big-endian. */
    @Lob
    public byte[] vector;

    /**
     * The purchase lines from the version's training end on that the row holds, products the model does not know
     * included: the commerce tables' count for the customer when the row is current.
     */
    @Column(name = "purchase_lines")
    public int purchaseLines;

    /** The ids of the orders folded in (long, big-endian, sorted): an order already held is not added again. */
    @Lob
    @Column(name = "folded_orders")
    public byte[] foldedOrders;

    /** The replica (process) that wrote the row: the others read it into their memory. */
    @Column(name = "written_by")
    public String writtenBy;

    @Column(name = "updated_at")
    public LocalDateTime updatedAt;

    public record Key(String modelVersionId, Long customerId) implements Serializable {
    }
}
