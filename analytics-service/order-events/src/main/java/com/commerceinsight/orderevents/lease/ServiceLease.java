package com.commerceinsight.orderevents.lease;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

/**
 * A service's lease as a bean: one row of one of its lease tables, held through a {@link DatabaseLease} whose renewals
 * stop when the service stops. A service declares each lease it takes as a subclass that names the table and the row
 * (the ML services' {@code training.TrainingLease}); a subclass is a {@code @Singleton}, as this class has no
 * constructor a client proxy could use.
 */
public abstract class ServiceLease {

    private final DatabaseLease lease;

    /** @param table the lease table, schema-qualified (a constant of the service, never input) */
    protected ServiceLease(DataSource dataSource, String table, String name, Duration duration) {
        this.lease = new DatabaseLease(dataSource, table, name, duration);
    }

    /** Runs the work while holding the lease and answers true; false, running nothing, while another run holds it. */
    public boolean runHolding(Runnable work) throws SQLException {
        return lease.runHolding(work);
    }

    @PreDestroy
    public void stop() {
        lease.close();
    }
}
