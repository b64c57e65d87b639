package com.commerceinsight.analytics.idempotency;

/** The first answer given to a key (its JSON body), and the fingerprint of the request it answered. */
public record StoredAnswer(String requestSha256, String response) {
}
