package com.commerceinsight.apikit.limits;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

/**
 * One resilience4j rate limiter per bucket and caller. The limiters live in a Caffeine cache bounded in size and
 * dropped after a quiet spell, so a flood of distinct callers (addresses) cannot grow memory without bound.
 * Configuration is read with MicroProfile Config rather than a mapping: this library is indexed by several services.
 */
@ApplicationScoped
public class CallerRateLimits {

    static final int DEFAULT_REQUESTS = 60;
    static final Duration DEFAULT_PERIOD = Duration.ofMinutes(1);

    private final boolean enabled;
    private final Config config;
    private final Map<String, RateLimiterConfig> bucketConfigs = new ConcurrentHashMap<>();
    private final Cache<String, RateLimiter> limiters;

    public CallerRateLimits(Config config) {
        this.config = config;
        this.enabled = config.getOptionalValue("commerce.rate-limit.enabled", Boolean.class).orElse(true);
        this.limiters = Caffeine.newBuilder()
                .maximumSize(config.getOptionalValue("commerce.rate-limit.max-callers", Long.class).orElse(100_000L))
                .expireAfterAccess(config.getOptionalValue("commerce.rate-limit.idle-expiry", Duration.class).orElse(Duration.ofMinutes(15)))
                .build();
    }

    /**
     * Takes one permit of the caller's allowance in the bucket.
     *
     * @return empty when the call may go ahead, else how long until the caller's next permit
     */
    public Optional<Duration> acquire(String bucket, String caller) {
        if (!enabled) {
            return Optional.empty();
        }
        RateLimiter limiter = limiters.get(bucket + '\u0000' + caller,
                key -> RateLimiter.of(key, bucketConfigs.computeIfAbsent(bucket, this::bucketConfig)));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        long nanosToWait = limiter instanceof AtomicRateLimiter atomic ? atomic.getDetailedMetrics().getNanosToWait()
                : limiter.getRateLimiterConfig().getLimitRefreshPeriod().toNanos();
        return Optional.of(Duration.ofNanos(Math.max(nanosToWait, 1)));
    }

    /** The allowance of one bucket: requests per period. */
    public RateLimiterConfig bucketConfig(String bucket) {
        String prefix = "commerce.rate-limit." + bucket + ".";
        int requests = config.getOptionalValue(prefix + "requests", Integer.class).orElse(DEFAULT_REQUESTS);
        Duration period = config.getOptionalValue(prefix + "period", Duration.class).orElse(DEFAULT_PERIOD);
        return RateLimiterConfig.custom()
                .limitForPeriod(requests)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
    }
}
