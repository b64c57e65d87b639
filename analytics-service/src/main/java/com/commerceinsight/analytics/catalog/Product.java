package com.commerceinsight.analytics.catalog;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A product of the catalogue. */
@Entity
@Table(schema = "commerce", name = "product")
public class Product extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "product_seq")
    @SequenceGenerator(name = "product_seq", schema = "commerce", sequenceName = "product_seq", allocationSize = 50)
    public Long id;

    @Column(name = "data_source")
    public String dataSource;

    @Column(name = "external_ref")
    public String externalRef;

    public String sku;

    public String name;

    public BigDecimal price;

    @Column(name = "category_id")
    public Long categoryId;

    /** Who supplies it (null where the source names no supplier, as Olist's products: its sellers are on the lines). */
    @Column(name = "supplier_id")
    public Long supplierId;

    @Column(name = "stock_quantity")
    public Integer stockQuantity;
}
