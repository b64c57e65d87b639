package com.commerceinsight.apikit.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error response of the four services. {@code errors} lists each bad
 * field of a request with what is wrong with it; empty fields are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, List.of());
    }

    /** A 400 naming the one field (or parameter) that is wrong. */
    public static Problem invalid(String field, String message) {
        return new Problem("about:blank", "Invalid request", 400, message, null, List.of(new FieldError(field, message)));
    }

    /** The response that carries this problem: its status and the problem+json media type. */
    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
