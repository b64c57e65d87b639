package com.commerceinsight.apikit.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.net.SocketAddress;

class CallerRateLimitsTest {

    private static CallerRateLimits limits(Map<String, String> properties) {
        return new CallerRateLimits(new SmallRyeConfigBuilder().addDefaultInterceptors().addDefaultSources()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build());
    }

    @Test
    void aCallerPastTheAllowanceWaitsForTheNextPeriodWhileOthersGoOn() {
        CallerRateLimits limits = limits(Map.of("commerce.rate-limit.training.requests", "2",
                "commerce.rate-limit.training.period", "PT1H"));

        assertThat(limits.acquire("training", "alice")).isEmpty();
        assertThat(limits.acquire("training", "alice")).isEmpty();
        Optional<Duration> wait = limits.acquire("training", "alice");

        assertThat(wait).isPresent();
        assertThat(wait.get()).isGreaterThan(Duration.ofMinutes(59)).isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(limits.acquire("training", "bob")).as("another caller has an allowance of its own").isEmpty();
        assertThat(limits.acquire("activation", "alice")).as("another bucket too").isEmpty();
    }

    @Test
    void aBucketWithoutConfigurationGetsTheDefaultAllowance() {
        CallerRateLimits limits = limits(Map.of());
        for (int i = 0; i < CallerRateLimits.DEFAULT_REQUESTS; i++) {
            assertThat(limits.acquire("unconfigured", "carol")).isEmpty();
        }
        assertThat(limits.acquire("unconfigured", "carol")).isPresent();
    }

    @Test
    void disabledLimitsLetEverythingThrough() {
        CallerRateLimits limits = limits(Map.of("commerce.rate-limit.enabled", "false", "commerce.rate-limit.training.requests", "1"));
        for (int i = 0; i < 10; i++) {
            assertThat(limits.acquire("training", "dave")).isEmpty();
        }
    }

    @Test
    void theCallerIsThePrincipalWhenThereIsOneElseTheClientAddress() {
        java.security.Principal alice = () -> "alice";
        SocketAddress address = SocketAddress.inetSocketAddress(40000, "10.0.0.7");
        assertThat(RateLimitFilter.callerOf(alice, address)).isEqualTo("principal:alice");
        assertThat(RateLimitFilter.callerOf(null, address)).isEqualTo("address:10.0.0.7");
        assertThat(RateLimitFilter.callerOf(() -> "", address)).isEqualTo("address:10.0.0.7");
        assertThat(RateLimitFilter.callerOf(null, SocketAddress.inetSocketAddress(40001, "10.0.0.7")))
                .as("the port is not part of the caller").isEqualTo("address:10.0.0.7");
    }

    @Test
    void theRetryAfterIsWholeSecondsRoundedUp() {
        assertThat(RateLimitFilter.tooManyRequests("training", Duration.ofMillis(1_200)).getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(RateLimitFilter.tooManyRequests("training", Duration.ofNanos(5)).getHeaderString("Retry-After")).isEqualTo("1");
        assertThat(RateLimitFilter.tooManyRequests("training", Duration.ofSeconds(30)).getStatus()).isEqualTo(429);
    }
}
