package com.commerceinsight.analytics.problem;

/** A request that is well-formed but not allowed in the resource's current state (e.g. an illegal status change). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
