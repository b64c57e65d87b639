package com.commerceinsight.analytics.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.LockOptions;
import org.hibernate.SessionFactory;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import com.commerceinsight.orderevents.jdbc.InLists;

/**
 * Reads the customers and products a batch of new orders names, through plain JDBC on the batch transaction's
 * connection, each in one statement ({@link InLists}): the customers' rows locked (two batches holding orders of one
 * customer, on two replicas, are serialised, and a customer's events are written in the order of their commits), then
 * the products. Why not the ORM: loading them as entities (a locking find per customer, a multi-load of the products)
 * cost a fifth of this service's CPU per order, for rows the batch only reads. The lock is written by the ORM's
 * dialect, since engines spell it differently: H2 appends FOR UPDATE, SQL Server puts a lock hint after the table.
 */
@ApplicationScoped
public class PlacementReferences {

    private final SessionFactory sessionFactory;
    /** The lock statement per number of places in its IN list. */
    private final Map<Integer, String> lockCustomers = new ConcurrentHashMap<>();

    public PlacementReferences(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** A product as an order takes it: its category (null: none) and list price (null: none). */
    public record KnownProduct(long id, Long categoryId, BigDecimal price) {
    }

    /** The customers and products found; what is missing is unknown. */
    public record Found(Set<Long> customers, Map<Long, KnownProduct> products) {
    }

    /** Locks the rows of the customers found (in one statement per chunk of ids) and reads the products. */
    public Found read(Connection connection, Collection<Long> customerIds, Collection<Long> productIds) throws SQLException {
        return new Found(lockedCustomers(connection, customerIds), products(connection, productIds));
    }

    private Set<Long> lockedCustomers(Connection connection, Collection<Long> customerIds) throws SQLException {
        Set<Long> found = new HashSet<>();
        InLists.query(connection, customerIds, this::lockCustomersSql, row -> found.add(row.getLong(1)));
        return found;
    }

    private static Map<Long, KnownProduct> products(Connection connection, Collection<Long> productIds) throws SQLException {
        Map<Long, KnownProduct> found = new HashMap<>();
        InLists.query(connection, productIds,
                places -> "SELECT id, category_id, price FROM commerce.product WHERE id IN (" + InLists.marks(places) + ")",
                row -> {
                    long id = row.getLong(1);
                    long category = row.getLong(2);
                    Long categoryId = row.wasNull() ? null : category;
                    found.put(id, new KnownProduct(id, categoryId, row.getBigDecimal(3)));
                });
        return found;
    }

    /**
     * The statement locking the rows of the customers in {@code places} places. Both engines take the rows of an IN
     * list on the primary key in key order, so two batches with customers in common lock them in the same order.
     */
    private String lockCustomersSql(int places) {
        return lockCustomers.computeIfAbsent(places, p -> lockCustomersSql(
                sessionFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect(), InLists.marks(p)));
    }

    /** The ids of the customers in the IN list {@code marks}, their rows locked as the dialect spells it. */
    static String lockCustomersSql(Dialect dialect, String marks) {
        LockOptions forUpdate = new LockOptions(LockMode.PESSIMISTIC_WRITE);
        return "SELECT c.id FROM " + dialect.appendLockHint(forUpdate, "commerce.customer c")
                + " WHERE c.id IN (" + marks + ")" + dialect.getForUpdateString(forUpdate);
    }
}
