package com.commerceinsight.analytics.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A product category; parentId makes the categories a tree. */
@Entity
@Table(schema = "commerce", name = "category")
public class Category extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_seq")
    @SequenceGenerator(name = "category_seq", schema = "commerce", sequenceName = "category_seq", allocationSize = 50)
    public Long id;

    @Column(name = "data_source")
    public String dataSource;

    @Column(name = "external_ref")
    public String externalRef;

    public String name;

    public String description;

    @Column(name = "parent_id")
    public Long parentId;
}
