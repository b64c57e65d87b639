package com.commerceinsight.analytics.limits;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * One resilience4j rate limiter per caller and request class. The limiters live in a Caffeine cache bounded by
 * {@code analytics.limits.rate.max-callers}, so a flood of distinct addresses cannot grow memory without end.
 */
@ApplicationScoped
public class CallerRateLimits {

    private record Key(RequestClass requestClass, String caller) {
    }

    private final boolean enabled;
    private final Map<RequestClass, RateLimiterConfig> configs = new EnumMap<>(RequestClass.class);
    private final Cache<Key, AtomicRateLimiter> limiters;

    public CallerRateLimits(LimitsConfig config) {
        LimitsConfig.RateLimits rate = config.rate();
        this.enabled = rate.enabled();
        configs.put(RequestClass.WRITE, windowOf(rate.writes()));
        configs.put(RequestClass.JOB, windowOf(rate.jobs()));
        configs.put(RequestClass.COSTLY_READ, windowOf(rate.costlyReads()));
        this.limiters = Caffeine.newBuilder().maximumSize(rate.maxCallers()).build();
    }

    private static RateLimiterConfig windowOf(LimitsConfig.Window window) {
        // No waiting for a permit: a request over the limit is answered at once, with when to come back.
        return RateLimiterConfig.custom().limitForPeriod(window.requests()).limitRefreshPeriod(window.period())
                .timeoutDuration(Duration.ZERO).build();
    }

    /** Takes a permit for the caller; empty when granted, otherwise how long until the next window opens. */
    public Optional<Duration> acquire(RequestClass requestClass, String caller) {
        if (!enabled) {
            return Optional.empty();
        }
        AtomicRateLimiter limiter = limiters.get(new Key(requestClass, caller),
                key -> new AtomicRateLimiter(key.requestClass() + ":" + key.caller(), configs.get(key.requestClass())));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(Math.max(0, limiter.getDetailedMetrics().getNanosToWait())));
    }
}
