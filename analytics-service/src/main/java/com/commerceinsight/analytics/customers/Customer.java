package com.commerceinsight.analytics.customers;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer of the shop. */
@Entity
@Table(schema = "commerce", name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
    @SequenceGenerator(name = "customer_seq", schema = "commerce", sequenceName = "customer_seq", allocationSize = 50)
    public Long id;

    @Column(name = "data_source")
    public String dataSource;

    @Column(name = "external_ref")
    public String externalRef;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String email;

    public String city;

    public String state;

    public String country;

    @Column(name = "registered_at")
    public LocalDateTime registeredAt;
}
