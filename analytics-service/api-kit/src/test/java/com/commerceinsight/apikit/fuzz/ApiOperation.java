package com.commerceinsight.apikit.fuzz;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of an OpenAPI document: method, path template, parameters and the JSON request body's schema
 * (null when the operation takes no JSON body).
 */
public record ApiOperation(String method, String pathTemplate, List<ApiParameter> parameters, JsonNode bodySchema,
        boolean bodyRequired) {

    /** How reports name the operation: {@code POST /api/predictions/training-jobs}. */
    public String key() {
        return method + " " + pathTemplate;
    }

    public boolean takesBody() {
        return bodySchema != null;
    }
}
