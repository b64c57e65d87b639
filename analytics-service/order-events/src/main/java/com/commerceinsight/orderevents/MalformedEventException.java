package com.commerceinsight.orderevents;

/** A message that is not a commerce.orders.v1 event of this contract version; the message says why. */
public class MalformedEventException extends Exception {

    public MalformedEventException(String reason) {
        super(reason);
    }
}
