package com.commerceinsight.analytics.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.commerceinsight.apikit.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request whose declared body is over {@code quarkus.http.limits.max-body-size} with a 413 problem before
 * the body is read. Quarkus enforces the same limit on its own (it also cuts off chunked bodies that grow past it),
 * but with an empty response; this route runs first so that a client is told which limit it hit.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBodyBytes;
    private final String problemJson;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ObjectMapper json)
            throws JsonProcessingException {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.problemJson = json.writeValueAsString(Problem.of(413, "Request body too large",
                "the body may be at most " + maxBodyBytes + " bytes (quarkus.http.limits.max-body-size)"));
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodyBytes) {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close").end(problemJson);
            return;
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
