package com.commerceinsight.prediction.problem;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.commerceinsight.apikit.problem.Problem;
import com.commerceinsight.prediction.scoring.ScoringUnavailableException;

/** The problem answers of prediction's own exceptions; api-kit's DefaultProblemMappers answer the rest. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response noActiveModel(ScoringUnavailableException e) {
        return Problem.of(503, "No active model", e.getMessage()).toResponse();
    }
}
