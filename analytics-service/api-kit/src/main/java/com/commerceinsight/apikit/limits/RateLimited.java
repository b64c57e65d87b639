package com.commerceinsight.apikit.limits;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.ws.rs.NameBinding;

/**
 * Puts a REST operation under a per-caller rate limit: each caller may call the operations of one bucket
 * {@code commerce.rate-limit.<bucket>.requests} times per {@code commerce.rate-limit.<bucket>.period}; past that the
 * call is a 429 problem with {@code Retry-After}.
 */
@NameBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    /** The bucket: operations naming the same bucket share each caller's allowance. */
    @Nonbinding
    String value();
}
