package com.commerceinsight.apikit.security;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;

/**
 * Asked before the OIDC provider for a bearer token: answers with the identity {@link VerifiedTokens} remembers for
 * exactly this token, or with nothing, and then the OIDC provider verifies the token as usual. The security layer
 * runs the augmentors on either answer the same way.
 */
@ApplicationScoped
public class RecalledTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final VerifiedTokens verifiedTokens;

    public RecalledTokenIdentityProvider(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of the OIDC provider (priority 0): a provider that answers with nothing hands the request on. */
    @Override
    public int priority() {
        return SYSTEM_FIRST;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return Uni.createFrom().item(verifiedTokens.recall(request.getToken().getToken(), Instant.now()).orElse(null));
    }
}
