package com.commerceinsight.analytics.problem;

import java.sql.SQLTimeoutException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.commerceinsight.apikit.problem.DefaultProblemMappers;
import com.commerceinsight.apikit.problem.Problem;
import com.commerceinsight.orderevents.consumer.DatabaseOutage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns exceptions into problem+json responses: bad input is a 400 that names the field, never a 404 or a 500.
 * <p>
 * Analytics answers differently from api-kit's DefaultProblemMappers on purpose, and these mappers, at the default
 * priority, take precedence over them: a statement timeout or a lost database is a 503 with Retry-After, every 503
 * says when to come back, an unknown reference is a 422, and an unparseable body is "Unreadable request body" with
 * where it broke.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client is asked to wait after a statement timeout: the load that caused it needs time to pass. */
    private static final int RETRY_AFTER_TIMEOUT_SECONDS = 5;

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem("about:blank", "Invalid request", 400,
                errors.size() + " field(s) are invalid", null, errors));
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        boolean unknown = e instanceof UnknownReferenceException;
        return respond(new Problem("about:blank", unknown ? "Unknown reference" : "Invalid request", unknown ? 422 : 400,
                e.getMessage(), null, List.of(new Problem.FieldError(e.field(), e.getMessage()))));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return respond(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response queueFull(QueueFullException e) {
        return Response.fromResponse(respond(Problem.of(503, "Service busy", e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds())).build();
    }

    /**
     * A body of the wrong shape: a wrong JSON type ({@code "customerId": "abc"}), an array for an object, a value
     * no field can hold. Mapped here and not left to the Jackson extension's own mapper, which answers with no body.
     */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e) {
        return bodyField(e);
    }

    @ServerExceptionMapper
    public Response unmappableBody(JsonMappingException e) {
        return bodyField(e);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return respond(new Problem("about:blank", "Unreadable request body", 400, "the body is not valid JSON" + where, null,
                List.of(new Problem.FieldError("body", e.getOriginalMessage()))));
    }

    /**
     * JAX-RS reports a query or path parameter it could not convert as a 404 carrying the conversion failure; that is
     * bad input (400), named by {@link ParameterConverters}. A 404 without a cause is a real "not found".
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() instanceof InvalidFieldException invalid) {
            return invalidField(invalid);
        }
        if (e.getCause() != null) {
            String message = "a path or query parameter could not be read: " + e.getCause().getMessage();
            String parameter = parameterQuotedIn(uri, String.valueOf(e.getCause().getMessage()));
            return parameter == null ? respond(Problem.of(400, "Invalid request", message))
                    : invalidField(new InvalidFieldException(parameter, parameter + ": " + message));
        }
        return respond(Problem.of(404, "Not found", e.getMessage()));
    }

    /**
     * For a conversion that failed outside {@link ParameterConverters} (a type it does not read): the query or path
     * parameter whose value the failure quotes ({@code For input string: "x"}, {@code Text 'x' could not be parsed}).
     */
    private static String parameterQuotedIn(UriInfo uri, String failure) {
        for (MultivaluedMap<String, String> parameters : List.of(uri.getQueryParameters(), uri.getPathParameters())) {
            for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
                for (String value : parameter.getValue()) {
                    if (failure.contains("\"" + value + "\"") || failure.contains("'" + value + "'")) {
                        return parameter.getKey();
                    }
                }
            }
        }
        return null;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        // The JSON reader reports some unreadable bodies as a 400 carrying Jackson's exception: name the field all the same.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonMappingException mapping) {
                return bodyField(mapping);
            }
            if (cause instanceof JsonProcessingException unreadable) {
                return unreadableBody(unreadable);
            }
        }
        int status = e.getResponse().getStatus();
        Response problem = respond(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage()));
        if (status == 503) {
            // A 503 always says when to come back (a full order queue, a replica stopping), as the others do: when it
            // names no wait of its own, as soon as after a database outage.
            String retryAfter = e.getResponse().getHeaderString(HttpHeaders.RETRY_AFTER);
            return Response.fromResponse(problem)
                    .header(HttpHeaders.RETRY_AFTER, retryAfter != null ? retryAfter
                            : DefaultProblemMappers.RETRY_AFTER_DATABASE_SECONDS).build();
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (isStatementTimeout(e)) {
            LOG.warnf("a query ran past the statement timeout: %s", e.getMessage());
            return Response.fromResponse(respond(Problem.of(503, "Query timed out",
                    "the query took longer than the service allows; narrow the filters or retry later")))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_TIMEOUT_SECONDS).build();
        }
        if (DatabaseOutage.causedBy(e)) {
            // A write lost with its connection may or may not have committed; sent again with the same
            // Idempotency-Key, it answers whichever happened.
            return DefaultProblemMappers.databaseUnavailable(e);
        }
        LOG.error("request failed", e);
        return respond(Problem.of(500, "Internal error", "the request failed on the server; see the service log"));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Response bodyField(JsonMappingException e) {
        String field = jsonPath(e.getPath());
        String message = field.equals("body") ? e.getOriginalMessage() : field + ": " + e.getOriginalMessage();
        return respond(new Problem("about:blank", "Invalid request", 400, message, null,
                List.of(new Problem.FieldError(field, e.getOriginalMessage()))));
    }

    /** The JSON path of a failed field as the client wrote it ({@code lines[0].quantity}); {@code body} for the whole. */
    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                if (!text.isEmpty()) {
                    text.append('.');
                }
                text.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                text.append('[').append(reference.getIndex()).append(']');
            }
        }
        return text.isEmpty() ? "body" : text.toString();
    }

    /**
     * The violation's path as the client named it: {@code lines[0].quantity} for a body field (the method and the
     * body parameter's Java name left out), the parameter's name for a query or path parameter.
     */
    static String fieldPath(ConstraintViolation<?> violation) {
        StringBuilder text = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT || kind == ElementKind.BEAN) {
                if (node.getIndex() != null) {
                    text.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    text.append('[').append(node.getKey()).append(']');
                }
                if (kind == ElementKind.PROPERTY) {
                    if (!text.isEmpty()) {
                        text.append('.');
                    }
                    text.append(node.getName());
                }
            }
        }
        if (!text.isEmpty()) {
            return text.toString();
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }

    private static boolean isStatementTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTimeoutException || cause instanceof jakarta.persistence.QueryTimeoutException
                    || cause instanceof org.hibernate.QueryTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
