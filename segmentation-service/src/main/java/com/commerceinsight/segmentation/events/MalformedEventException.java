package com.commerceinsight.segmentation.events;

/** A message that is not an event of the contract and never will be: retrying it cannot help. */
public class MalformedEventException extends Exception {

    public MalformedEventException(String reason) {
        super(reason);
    }
}
