package com.commerceinsight.apikit.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

/** A path, query or header parameter of an operation, with its schema ($ref resolved). */
public record ApiParameter(String name, String in, boolean required, JsonNode schema) {

    public boolean inPath() {
        return "path".equals(in);
    }

    public boolean inQuery() {
        return "query".equals(in);
    }
}
