/**
 * Limits the services share: per-caller rate limits on the operations marked {@link com.commerceinsight.apikit.limits.RateLimited}
 * (429 problem with Retry-After) and the exception of a full job queue (503 problem with Retry-After).
 */
package com.commerceinsight.apikit.limits;
