package com.commerceinsight.recommender.foldin;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/** The commerce tables fold-in reads, created when the test application starts: every activation reads them. */
@ApplicationScoped
class CommerceTablesAtStart {

    void create(@Observes StartupEvent start, AgroalDataSource dataSource) throws SQLException {
        CommerceOrders.createTables(dataSource);
    }
}
