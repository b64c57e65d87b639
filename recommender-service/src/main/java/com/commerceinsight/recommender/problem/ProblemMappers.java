package com.commerceinsight.recommender.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.commerceinsight.apikit.input.InvalidParameterException;
import com.commerceinsight.apikit.input.JsonFieldPath;
import com.commerceinsight.apikit.input.UnparseableParameters;
import com.commerceinsight.apikit.limits.QueueFullException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns exceptions into problem+json responses: bad input is a 400 naming the field, an unknown id a 404. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem("about:blank", "Invalid request", 400, errors.size() + " field(s) are invalid", null, errors));
    }

    @ServerExceptionMapper
    public Response noActiveModel(NoActiveModelException e) {
        return respond(Problem.of(503, "No active model", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return invalid(e.parameter(), e.getMessage());
    }

    /** Quarkus's own mapper of this exception answers 400 with no body; the client needs to know which field. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableBody(e);
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e) {
        return invalid(JsonFieldPath.of(e), JsonFieldPath.message(e));
    }

    /** A path or query parameter that does not convert to its type is a 400 naming it (JAX-RS would answer 404). */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, ResourceInfo resource) {
        return UnparseableParameters.behind(e, resource == null ? null : resource.getResourceMethod(), uri)
                .map(this::invalidParameter)
                .orElseGet(() -> respond(Problem.of(404, "Not found", e.getMessage())));
    }

    @ServerExceptionMapper
    public Response queueFull(QueueFullException e) {
        return Response.fromResponse(respond(Problem.of(503, "Queue full", e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
    }

    private static Response invalid(String field, String message) {
        return respond(new Problem("about:blank", "Invalid request", 400, message, null, List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // the JSON reader wraps a body it cannot parse in a plain 400
            return unreadableBody(unreadable);
        }
        int status = e.getResponse().getStatus();
        return respond(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.error("request failed", e);
        return respond(Problem.of(500, "Internal error", "the request failed on the server; see the service log"));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * The violation's path as the client wrote the field: {@code rows[0]}, {@code lines[2].quantity}, or the query
     * parameter's name; the Java method and the body parameter's own name are left out.
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                path.append(path.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        if (!path.isEmpty()) {
            return path.toString();
        }
        return parameter == null ? violation.getPropertyPath().toString() : parameter;
    }
}
