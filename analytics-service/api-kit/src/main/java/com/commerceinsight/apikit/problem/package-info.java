/**
 * Error responses as RFC 9457 problems: the {@link com.commerceinsight.apikit.problem.Problem} body and the default
 * mappers of the exceptions every service meets, which a service's own mappers override where its answer differs.
 */
package com.commerceinsight.apikit.problem;
