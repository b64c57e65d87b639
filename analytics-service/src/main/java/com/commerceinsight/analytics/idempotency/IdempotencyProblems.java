package com.commerceinsight.analytics.idempotency;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.commerceinsight.apikit.problem.Problem;

/** A reused key is a 422 problem naming the header (the request is well formed; the key is taken). */
public class IdempotencyProblems {

    @ServerExceptionMapper
    public Response keyReused(KeyReusedException e) {
        Problem problem = new Problem("about:blank", "Idempotency-Key reused", 422, e.getMessage(), null,
                List.of(new Problem.FieldError(e.field(), e.getMessage())));
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
