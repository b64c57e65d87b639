package com.commerceinsight.apikit.input;

/** A request parameter or body field the service cannot use: answered as a 400 problem naming it. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    /** The parameter as the client named it ({@code size}, {@code lines[0].quantity}). */
    public String parameter() {
        return parameter;
    }
}
