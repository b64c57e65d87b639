package com.commerceinsight.apikit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** The last-resort mapper: a database that is away is a 503 to retry, anything else a 500. */
class DefaultProblemMappersTest {

    private final DefaultProblemMappers mappers = new DefaultProblemMappers();

    @Test
    void aLostDatabaseIsA503WithRetryAfter() {
        Response response = mappers.unexpected(new IllegalStateException("Unable to acquire JDBC Connection",
                new SQLException("Connection is broken: \"session closed\"", "90067")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER))
                .isEqualTo(Integer.toString(DefaultProblemMappers.RETRY_AFTER_DATABASE_SECONDS));
        assertThat(((Problem) response.getEntity()).title()).isEqualTo("Database unavailable");
    }

    @Test
    void anyOtherFailureIsA500WithoutRetryAfter() {
        Response response = mappers.unexpected(new IllegalStateException("a bug", new SQLException("duplicate key", "23505")));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
