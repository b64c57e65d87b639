package com.commerceinsight.analytics.limits;

import java.time.Duration;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.commerceinsight.apikit.problem.Problem;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Answers 429 with Retry-After when a caller goes over its rate for the request's class. The caller is the
 * authenticated principal's name when there is one, else the client address. Runs before the body is read.
 */
public class RateLimitFilter {

    private final CallerRateLimits limits;

    public RateLimitFilter(CallerRateLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public Response limit(ContainerRequestContext request, HttpServerRequest http) {
        RequestClass requestClass = RequestClass.of(request.getMethod(), request.getUriInfo().getRequestUri().getPath());
        if (requestClass == null) {
            return null;
        }
        Optional<Duration> wait = limits.acquire(requestClass, caller(request.getSecurityContext(), http));
        if (wait.isEmpty()) {
            return null;
        }
        long retryAfterSeconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        return Response.status(429).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .entity(Problem.of(429, "Too many requests", "over the rate for " + requestClass.name().toLowerCase()
                        + " requests of this caller; retry after " + retryAfterSeconds + " s"))
                .build();
    }

    private static String caller(SecurityContext security, HttpServerRequest http) {
        if (security != null && security.getUserPrincipal() != null && security.getUserPrincipal().getName() != null
                && !security.getUserPrincipal().getName().isEmpty()) {
            return "user:" + security.getUserPrincipal().getName();
        }
        SocketAddress address = http.remoteAddress();
        return "address:" + (address == null ? "unknown" : address.hostAddress());
    }
}
