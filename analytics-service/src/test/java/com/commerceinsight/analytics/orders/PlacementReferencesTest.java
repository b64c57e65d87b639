package com.commerceinsight.analytics.orders;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.SQLServerDialect;
import org.junit.jupiter.api.Test;

/**
 * The customer lock of a placement batch in the two engines' spelling: SQL Server has no SELECT ... FOR UPDATE and
 * takes an update lock from a table hint instead. The H2 form runs in every ingest test; the SQL Server form is only
 * checked here, as no SQL Server runs in the tests.
 */
class PlacementReferencesTest {

    @Test
    void h2LocksTheRowWithForUpdate() {
        String sql = PlacementReferences.lockCustomersSql(new H2Dialect(), "?, ?").toLowerCase();
        assertThat(sql).startsWith("select c.id from commerce.customer c where c.id in (?, ?)")
                .endsWith(" for update");
    }

    @Test
    void sqlServerLocksTheRowWithAnUpdateLockHint() {
        String sql = PlacementReferences.lockCustomersSql(new SQLServerDialect(), "?, ?").toLowerCase();
        assertThat(sql).contains("from commerce.customer c with (").contains("updlock").contains("rowlock")
                .endsWith("where c.id in (?, ?)").doesNotContain("for update");
    }
}
