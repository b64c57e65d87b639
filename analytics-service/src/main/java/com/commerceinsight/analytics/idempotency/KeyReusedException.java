package com.commerceinsight.analytics.idempotency;

import com.commerceinsight.analytics.problem.InvalidFieldException;

/** An Idempotency-Key sent again with another request than its first: 422, the key names no single request. */
public class KeyReusedException extends InvalidFieldException {

    public KeyReusedException() {
        super(IdempotencyKeys.HEADER, "this Idempotency-Key was used for a different request; use a new key for a new request");
    }
}
