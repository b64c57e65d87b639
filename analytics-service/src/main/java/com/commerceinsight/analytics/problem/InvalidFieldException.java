package com.commerceinsight.analytics.problem;

/** A request field whose value the service cannot accept; answered with 400 naming the field. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
