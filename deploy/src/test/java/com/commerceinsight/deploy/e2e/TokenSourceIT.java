package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import com.commerceinsight.deploy.identity.DemoUser;
import com.commerceinsight.deploy.identity.TokenSource;

/**
 * The token source the tests and benchmarks call the APIs with, against the run's Keycloak (30-minute access tokens):
 * one token while it has more than a minute left, a new one before it expires, and a clear failure when a caller asks
 * for a token that would have to outlive any the realm issues.
 */
class TokenSourceIT {

    @Test
    void keepsATokenWhileItLastsAndFetchesANewOneBeforeItExpires() throws Exception {
        LocalKeycloak keycloak = LocalKeycloak.start(Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize())
                .awaitReady();
        MovableClock clock = new MovableClock();
        TokenSource tokens = new TokenSource(keycloak.issuer(), TokenSource.CLI_CLIENT, "operator", DemoUser.OPERATOR.password(), clock);

        String first = tokens.authorization();
        assertThat(first).startsWith("Bearer ");
        clock.advance(Duration.ofMinutes(28));
        assertThat(tokens.authorization()).as("two minutes left: the same token").isEqualTo(first);
        assertThat(tokens.authorizationValidFor(Duration.ofMinutes(2))).as("three minutes asked for: a new one").isNotEqualTo(first);

        String renewed = tokens.authorization();
        clock.advance(Duration.ofMinutes(29).plusSeconds(30));
        assertThat(tokens.authorization()).as("30 s left: a new one").isNotEqualTo(renewed);

        assertThatThrownBy(() -> tokens.authorizationValidFor(Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lifespan");
    }

    /** The system clock, moved on by the test. */
    private static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
