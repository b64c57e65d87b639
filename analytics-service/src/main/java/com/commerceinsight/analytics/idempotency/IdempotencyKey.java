package com.commerceinsight.analytics.idempotency;

/**
 * A request's Idempotency-Key, scoped to its caller and to the operation it was sent to (the same key sent by another
 * caller, or to another order's payments, is another key), with the fingerprint of the request it came with.
 */
public record IdempotencyKey(Id id, String requestSha256) {

    /** What identifies a stored answer. */
    public record Id(String caller, String operation, String key) {
    }

    /** Whether this request is the one the stored answer was given to. */
    public boolean sameRequestAs(StoredAnswer stored) {
        return requestSha256.equals(stored.requestSha256());
    }
}
