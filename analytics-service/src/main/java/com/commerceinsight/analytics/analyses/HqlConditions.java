package com.commerceinsight.analytics.analyses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Query;

/** The WHERE clause of an analysis query, assembled from fixed rules and the request's optional filters, with its parameters. */
public final class HqlConditions {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    public HqlConditions add(String clause) {
        clauses.add(clause);
        return this;
    }

    /** Adds a clause with one named parameter, or nothing when the value is null (the filter was not given). */
    public HqlConditions addIfSet(String clause, String parameter, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(parameter, value);
        }
        return this;
    }

    public String hql() {
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    public <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
