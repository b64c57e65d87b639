package com.commerceinsight.apikit.limits;

import java.security.Principal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Applies {@link RateLimited} to the operations that carry it. The caller is the authenticated principal's name when
 * there is one, else the client address (behind a proxy, set {@code quarkus.http.proxy.proxy-address-forwarding} so
 * that this is the client's and not the proxy's). It runs after authentication, so a principal is known.
 */
@Provider
@RateLimited("")
@Priority(Priorities.AUTHORIZATION + 100)
public class RateLimitFilter implements ContainerRequestFilter {

    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";

    private final CallerRateLimits limits;

    @Context
    ResourceInfo resource;

    @Context
    HttpServerRequest request;

    public RateLimitFilter(CallerRateLimits limits) {
        this.limits = limits;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        String bucket = bucketOf(resource);
        if (bucket == null) {
            return;
        }
        String caller = callerOf(context.getSecurityContext() == null ? null : context.getSecurityContext().getUserPrincipal(),
                request == null ? null : request.remoteAddress());
        Optional<Duration> wait = limits.acquire(bucket, caller);
        wait.ifPresent(duration -> context.abortWith(tooManyRequests(bucket, duration)));
    }

    static String bucketOf(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return null;
        }
        RateLimited onMethod = resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RateLimited onClass = resource.getResourceClass().getAnnotation(RateLimited.class);
        return onClass == null ? null : onClass.value();
    }

    static String callerOf(Principal principal, SocketAddress address) {
        if (principal != null && principal.getName() != null && !principal.getName().isEmpty()) {
            return "principal:" + principal.getName();
        }
        return "address:" + (address == null ? "unknown" : address.hostAddress());
    }

    static Response tooManyRequests(String bucket, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Too many requests");
        problem.put("status", 429);
        problem.put("detail", "the caller's allowance for " + bucket + " is used up; retry after " + seconds + " s");
        return Response.status(429)
                .header(HttpHeaders.RETRY_AFTER, seconds)
                .type(PROBLEM_MEDIA_TYPE)
                .entity(problem)
                .build();
    }
}
