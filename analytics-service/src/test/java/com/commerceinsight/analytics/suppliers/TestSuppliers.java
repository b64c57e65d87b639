package com.commerceinsight.analytics.suppliers;

import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Suppliers of a test's own, written in SQL (the supplier entity is read only). */
public final class TestSuppliers {

    private TestSuppliers() {
    }

    /** A new supplier with an id of the table's sequence, as every writer takes them; returns its id. */
    public static long create(String dataSource, String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Panache.getEntityManager();
            long id = ((Number) em.createNativeQuery("SELECT NEXT VALUE FOR commerce.supplier_seq").getSingleResult()).longValue();
            em.createNativeQuery("INSERT INTO commerce.supplier (id, data_source, external_ref, name) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, id).setParameter(2, dataSource).setParameter(3, UUID.randomUUID().toString())
                    .setParameter(4, name).executeUpdate();
            return id;
        });
    }
}
