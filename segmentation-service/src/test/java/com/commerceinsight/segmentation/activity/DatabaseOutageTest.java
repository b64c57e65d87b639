package com.commerceinsight.segmentation.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aLostConnectionAnywhereInTheCausesIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new IllegalStateException(new SQLException("link failure", "08S01"))))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLTransientConnectionException("timeout"))).isTrue();
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLException("Connection is broken", "90067")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void aFailureOfTheEventItselfIsNot() {
        assertThat(DatabaseOutage.causedBy(new RuntimeException(new SQLIntegrityConstraintViolationException("value too long", "22001")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalArgumentException("bad"))).isFalse();
    }
}
