package com.commerceinsight.recommender.problem;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.commerceinsight.apikit.problem.Problem;

/** The problem answers of the recommender's own exceptions; api-kit's DefaultProblemMappers answer the rest. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response noActiveModel(NoActiveModelException e) {
        return Problem.of(503, "No active model", e.getMessage()).toResponse();
    }
}
