package com.commerceinsight.apikit.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Bearer tokens this service has verified lately, with the identity the OIDC provider made of each. Verifying a JWT
 * (parsing its header and claims, checking its RS256 signature, building the identity) took about two-fifths of
 * analytics-service's request threads' CPU on the order-events benchmark, where every order and every poll carries
 * the same token; a shopper's frontend and the console likewise send one token with many calls. So an identity is
 * remembered by its exact token for a short while ({@code commerce.security.verified-tokens.max-age}, 30 s by
 * default) and never past the token's expiry: within that window the answer for that exact token cannot differ,
 * since the token's signature, claims and roles are fixed by its text. A token that failed verification is never
 * remembered, so it fails each time. Bounded in entries ({@code commerce.security.verified-tokens.max-entries}).
 * Configuration is read with MicroProfile Config rather than a mapping: this library is indexed by several services.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Verified(SecurityIdentity identity, Instant expiresAt) {
    }

    private final boolean enabled;
    private final Cache<String, Verified> verified;

    public VerifiedTokens(Config config) {
        this.enabled = config.getOptionalValue("commerce.security.verified-tokens.enabled", Boolean.class).orElse(true);
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.getOptionalValue("commerce.security.verified-tokens.max-entries", Long.class).orElse(10_000L))
                .expireAfterWrite(config.getOptionalValue("commerce.security.verified-tokens.max-age", Duration.class)
                        .orElse(Duration.ofSeconds(30)))
                .build();
    }

    /**
     * Remembers the identity verified for this token, if it is a JWT's with an expiry still ahead. A token remembered
     * already keeps its first entry: a recalled identity passes here again, and must not renew its own lease.
     */
    void remember(String token, SecurityIdentity identity, Instant now) {
        if (!enabled || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0) {
            return;
        }
        Instant expiresAt = Instant.ofEpochSecond(jwt.getExpirationTime());
        if (expiresAt.isAfter(now)) {
            verified.asMap().putIfAbsent(token, new Verified(identity, expiresAt));
        }
    }

    /** Whether this exact token is remembered as verified and not yet expired. */
    public boolean remembers(String token) {
        return recall(token, Instant.now()).isPresent();
    }

    /** The identity verified for exactly this token, while it is remembered and the token has not expired. */
    Optional<SecurityIdentity> recall(String token, Instant now) {
        if (!enabled) {
            return Optional.empty();
        }
        Verified entry = verified.getIfPresent(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.expiresAt().isAfter(now)) {
            verified.invalidate(token);
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }
}
