package com.commerceinsight.apikit.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.commerceinsight.apikit.input.ConstraintViolationPath;
import com.commerceinsight.apikit.input.InvalidParameterException;
import com.commerceinsight.apikit.input.JsonFieldPath;
import com.commerceinsight.apikit.input.UnparseableParameters;
import com.commerceinsight.apikit.limits.QueueFullException;
import com.commerceinsight.orderevents.consumer.DatabaseOutage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns the exceptions every service meets into problem+json responses: bad input is a 400 that names the field, an
 * unknown path a 404, a full queue or a database outage a 503 with Retry-After, anything else a 500 that keeps the cause
 * in the log.
 * <p>
 * These are defaults: they run at {@link #PRIORITY}, after a service's own mapper of the same exception (which has the
 * default priority {@link Priorities#USER}), and before the mappers Quarkus registers for itself at
 * {@code USER + 100} (its MismatchedInputException mapper answers 400 with no body). A service adds mappers only for
 * its own exceptions, or where its answer differs on purpose.
 */
public class DefaultProblemMappers {

    /** Between a service's own mappers and Quarkus's built-in ones; see the class comment. */
    public static final int PRIORITY = Priorities.USER + 50;

    private static final Logger LOG = Logger.getLogger(DefaultProblemMappers.class);

    /** Seconds a client is asked to wait while the database is away: the pool reconnects as soon as it answers again. */
    public static final int RETRY_AFTER_DATABASE_SECONDS = 2;

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalidRequest(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(ConstraintViolationPath.of(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return new Problem("about:blank", "Invalid request", 400, errors.size() + " field(s) are invalid", null, errors)
                .toResponse();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response invalidParameter(InvalidParameterException e) {
        return Problem.invalid(e.parameter(), e.getMessage()).toResponse();
    }

    /** Quarkus's own mapper of this exception answers 400 with no body; the client needs to know which field. */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unreadableBody(JsonProcessingException e) {
        return Problem.invalid(JsonFieldPath.of(e), JsonFieldPath.message(e)).toResponse();
    }

    /** A path or query parameter that does not convert to its type is a 400 naming it (JAX-RS would answer 404). */
    @ServerExceptionMapper(priority = PRIORITY)
    public Response notFound(NotFoundException e, UriInfo uri, ResourceInfo resource) {
        return UnparseableParameters.behind(e, resource == null ? null : resource.getResourceMethod(), uri)
                .map(this::invalidParameter)
                .orElseGet(() -> Problem.of(404, "Not found", e.getMessage()).toResponse());
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response queueFull(QueueFullException e) {
        return Response.fromResponse(Problem.of(503, "Queue full", e.getMessage()).toResponse())
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // the JSON reader wraps a body it cannot parse in a plain 400
            return unreadableBody(unreadable);
        }
        int status = e.getResponse().getStatus();
        return Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage()).toResponse();
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            return databaseUnavailable(e);
        }
        LOG.error("request failed", e);
        return Problem.of(500, "Internal error", "the request failed on the server; see the service log").toResponse();
    }

    /**
     * The answer to a request that failed because the database is away (restarting, failing over, unreachable; see
     * {@link DatabaseOutage}): a passing condition, which a client should retry, not a bug. Also called by a service
     * whose own last-resort mapper takes precedence over this class's.
     */
    public static Response databaseUnavailable(Exception e) {
        LOG.warnf("database unavailable: %s", e.getMessage());
        return Response.fromResponse(Problem.of(503, "Database unavailable",
                "the database cannot be reached right now; retry shortly").toResponse())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_DATABASE_SECONDS).build();
    }
}
