package com.commerceinsight.apikit.security;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Answers a caller without a valid token (401) or without the right role (403) with an RFC 9457 problem, as every
 * other error of the APIs is answered. Needs {@code quarkus.http.auth.proactive=false}: then a bad token fails inside
 * the REST layer, where these mappers see it, rather than in the HTTP layer before it.
 */
public class AccessProblemMappers {

    static final String PROBLEM_JSON = "application/problem+json";

    /** The body of both answers: the fields every problem of the services has. */
    public record AccessProblem(String type, String title, int status, String detail) {
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated("a bearer token is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        // The reason (expired, wrong audience, bad signature) stays in the log: callers learn only that it was refused.
        return unauthenticated("the bearer token was not accepted");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        String detail = e.getMessage() == null || e.getMessage().isBlank()
                ? "the caller's roles do not allow this operation"
                : e.getMessage();
        return Response.status(403).type(PROBLEM_JSON)
                .entity(new AccessProblem("about:blank", "Forbidden", 403, detail)).build();
    }

    private static Response unauthenticated(String detail) {
        return Response.status(401).type(PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new AccessProblem("about:blank", "Unauthorized", 401, detail)).build();
    }
}
