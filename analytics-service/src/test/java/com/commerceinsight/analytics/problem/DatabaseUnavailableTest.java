package com.commerceinsight.analytics.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;

import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.problem.Problem;

/**
 * While the database is away a request is refused with a 503 and a Retry-After, never a 500: the reliability drills
 * kill the database under load and count any other 5xx as a fault. Every 503 says when to come back.
 */
class DatabaseUnavailableTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aDatabaseThatCannotBeReachedIsA503WithRetryAfter() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int port = closedPort;
        Throwable refused = catchThrowable(() -> DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + port + "/nothing", "sa", ""));
        assertThat(refused).isInstanceOf(SQLException.class);

        Response response = mappers.unexpected(new IllegalStateException("the batch failed", refused));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(((Problem) response.getEntity()).title()).isEqualTo("Database unavailable");
    }

    @Test
    void anyOtherFailureIsStillA500() {
        Response response = mappers.unexpected(new IllegalStateException("a bug", new SQLException("syntax error", "42000")));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString("Retry-After")).isNull();
    }

    @Test
    void aServiceUnavailableWithoutItsOwnWaitGetsRetryAfter() {
        Response response = mappers.webApplication(new ServiceUnavailableException("too many orders waiting to be written"));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("2");
    }

    @Test
    void aServiceUnavailableKeepsItsOwnWait() {
        Response response = mappers.webApplication(new ServiceUnavailableException(7L));

        assertThat(response.getHeaderString("Retry-After")).isEqualTo("7");
    }
}
