package com.commerceinsight.apikit.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * The first augmentor to see an identity: records the identity the OIDC provider made of a bearer token, before any
 * other augmentor changes it, so that a remembered identity goes through the same augmentors as a fresh one.
 */
@ApplicationScoped
public class VerifiedTokenRecorder implements SecurityIdentityAugmentor {

    private final VerifiedTokens verifiedTokens;

    public VerifiedTokenRecorder(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token != null && token.getToken() != null) {
            verifiedTokens.remember(token.getToken(), identity, Instant.now());
        }
        return Uni.createFrom().item(identity);
    }
}
