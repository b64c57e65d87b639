package com.commerceinsight.analytics.suppliers;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A supplier or marketplace seller as the supplier analyses read it (table {@code supplier}). */
@Entity
@Immutable
@Table(schema = "commerce", name = "supplier")
public class Supplier {

    @Id
    public Long id;

    public String name;

    public String city;

    public String state;

    public String country;
}
