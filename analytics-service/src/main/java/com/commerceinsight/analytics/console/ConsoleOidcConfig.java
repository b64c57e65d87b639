package com.commerceinsight.analytics.console;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The web console's sign-in settings ({@code commerce.console.oidc.*}). */
@ConfigMapping(prefix = "commerce.console.oidc")
public interface ConsoleOidcConfig {

    /** The OpenID Connect issuer the console signs in at; absent or blank: identity off, the console sends no token. */
    Optional<String> issuer();

    /** The console's public client (authorization code + PKCE, no secret). */
    @WithDefault("commerce-console")
    String clientId();
}
