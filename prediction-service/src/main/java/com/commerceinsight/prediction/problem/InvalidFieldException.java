package com.commerceinsight.prediction.problem;

/** A request field with a value the service cannot use (answered as 400 naming the field). */
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
