package com.commerceinsight.analytics.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.LockMode;
import org.hibernate.LockOptions;
import org.hibernate.SessionFactory;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import com.commerceinsight.analytics.dashboards.OrderReferences;
import com.commerceinsight.analytics.jdbc.ReusedStatements;

/**
 * Reads the customers and products a batch of new orders names, through plain JDBC on the batch transaction's
 * connection: each customer's row locked (two batches holding orders of one customer, on two replicas, are serialised,
 * so the summaries' first-order rule sees the other batch's orders), the products in one query. Why not the ORM:
 * loading them as entities (a locking find per customer, a multi-load of the products) cost a fifth of this service's
 * CPU per order, for rows the batch only reads. The lock is written by the ORM's dialect, since engines spell it
 * differently: H2 appends FOR UPDATE, SQL Server puts a lock hint after the table.
 */
@ApplicationScoped
public class PlacementReferences {

    /** Parameters per IN list: SQL Server takes at most 2,100 per statement. */
    private static final int MAX_IN_LIST = 1_000;

    private final SessionFactory sessionFactory;
    private volatile String lockCustomer;

    public PlacementReferences(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /** A product as an order takes it: its category (null: none) and list price (null: none). */
    public record KnownProduct(long id, Long categoryId, BigDecimal price) {
    }

    /** The customers and products found; what is missing is unknown. */
    public record Found(Map<Long, OrderReferences.CustomerPlace> customers, Map<Long, KnownProduct> products)
            implements OrderReferences {

        @Override
        public CustomerPlace customer(long customerId) {
            return customers.get(customerId);
        }

        @Override
        public Long categoryOf(long productId) {
            return products.get(productId).categoryId();
        }
    }

    /** Locks the customers' rows, in the iteration order of {@code customerIds} (ascending, so batches cannot deadlock). */
    public Found read(Connection connection, Collection<Long> customerIds, Collection<Long> productIds) throws SQLException {
        return new Found(lockedCustomers(connection, customerIds), products(connection, productIds));
    }

    private Map<Long, OrderReferences.CustomerPlace> lockedCustomers(Connection connection, Collection<Long> customerIds)
            throws SQLException {
        Map<Long, OrderReferences.CustomerPlace> found = new HashMap<>();
        try (PreparedStatement lock = ReusedStatements.prepare(connection, lockCustomerSql())) {
            for (Long id : customerIds) {
                lock.setLong(1, id);
                try (ResultSet row = lock.executeQuery()) {
                    if (row.next()) {
                        found.put(id, new OrderReferences.CustomerPlace(row.getString(1), row.getString(2)));
                    }
                }
            }
        }
        return found;
    }

    private static Map<Long, KnownProduct> products(Connection connection, Collection<Long> productIds) throws SQLException {
        Map<Long, KnownProduct> found = new HashMap<>();
        List<Long> ids = List.copyOf(productIds);
        for (int from = 0; from < ids.size(); from += MAX_IN_LIST) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_IN_LIST));
            // An IN list per batch: its text has one form per number of distinct products, which the engines'
            // statement caches keep (H2's holds 128 per connection here).
            String sql = "SELECT id, category_id, price FROM commerce.product WHERE id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        long category = rows.getLong(2);
                        Long categoryId = rows.wasNull() ? null : category;
                        found.put(id, new KnownProduct(id, categoryId, rows.getBigDecimal(3)));
                    }
                }
            }
        }
        return found;
    }

    private String lockCustomerSql() {
        String sql = lockCustomer;
        if (sql == null) {
            sql = lockCustomerSql(sessionFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect());
            lockCustomer = sql;
        }
        return sql;
    }

    /** The customer's place, its row locked for the transaction as the dialect spells it. */
    static String lockCustomerSql(Dialect dialect) {
        LockOptions forUpdate = new LockOptions(LockMode.PESSIMISTIC_WRITE);
        return "SELECT c.state, c.country FROM " + dialect.appendLockHint(forUpdate, "commerce.customer c")
                + " WHERE c.id = ?" + dialect.getForUpdateString(forUpdate);
    }
}
