package com.commerceinsight.apikit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Which verified identities are remembered, for how long, and that a recalled one does not renew itself. */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aTokenIsRecalledUntilItExpiresAndNotAfter() {
        VerifiedTokens tokens = tokens(Map.of());
        SecurityIdentity identity = identityExpiringAt(NOW.plusSeconds(10));

        tokens.remember("t1", identity, NOW);

        assertThat(tokens.recall("t1", NOW.plusSeconds(9))).containsSame(identity);
        assertThat(tokens.recall("t2", NOW)).isEmpty();
        assertThat(tokens.recall("t1", NOW.plusSeconds(10))).isEmpty();
        assertThat(tokens.recall("t1", NOW)).as("dropped once seen expired").isEmpty();
    }

    @Test
    void expiredAnonymousAndNonJwtIdentitiesAreNotRemembered() {
        VerifiedTokens tokens = tokens(Map.of());

        tokens.remember("expired", identityExpiringAt(NOW.minusSeconds(1)), NOW);
        tokens.remember("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true).build(), NOW);
        tokens.remember("plain", QuarkusSecurityIdentity.builder().setPrincipal(() -> "someone").build(), NOW);

        assertThat(tokens.recall("expired", NOW.minusSeconds(2))).isEmpty();
        assertThat(tokens.recall("anonymous", NOW)).isEmpty();
        assertThat(tokens.recall("plain", NOW)).isEmpty();
    }

    @Test
    void aRememberedTokenKeepsItsFirstEntry() {
        VerifiedTokens tokens = tokens(Map.of());
        SecurityIdentity first = identityExpiringAt(NOW.plusSeconds(60));

        tokens.remember("t", first, NOW);
        tokens.remember("t", identityExpiringAt(NOW.plusSeconds(600)), NOW);

        assertThat(tokens.recall("t", NOW.plusSeconds(59))).containsSame(first);
        assertThat(tokens.recall("t", NOW.plusSeconds(61))).isEmpty();
    }

    @Test
    void entriesLeaveAfterTheMaximumAgeAndNothingIsKeptWhenDisabled() throws InterruptedException {
        VerifiedTokens shortLived = tokens(Map.of("commerce.security.verified-tokens.max-age", "PT0.05S"));
        Instant now = Instant.now();
        shortLived.remember("t", identityExpiringAt(now.plusSeconds(3600)), now);
        assertThat(shortLived.recall("t", now)).isPresent();
        Thread.sleep(120);
        assertThat(shortLived.recall("t", Instant.now())).isEmpty();

        VerifiedTokens disabled = tokens(Map.of("commerce.security.verified-tokens.enabled", "false"));
        disabled.remember("t", identityExpiringAt(NOW.plusSeconds(60)), NOW);
        assertThat(disabled.recall("t", NOW)).isEmpty();
    }

    private static VerifiedTokens tokens(Map<String, String> properties) {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return new VerifiedTokens(config);
    }

    private static SecurityIdentity identityExpiringAt(Instant expiry) {
        JsonWebToken jwt = new JsonWebToken() {
            @Override
            public String getName() {
                return "subject";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("exp");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return "exp".equals(claimName) ? (T) Long.valueOf(expiry.getEpochSecond()) : null;
            }
        };
        return QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRole("analyst").build();
    }
}
