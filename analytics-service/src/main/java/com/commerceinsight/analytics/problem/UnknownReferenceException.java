package com.commerceinsight.analytics.problem;

/** A request refers to something that does not exist (an unknown customer or product): 422 naming the field. */
public class UnknownReferenceException extends InvalidFieldException {

    public UnknownReferenceException(String field, String message) {
        super(field, message);
    }
}
