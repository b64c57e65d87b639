package com.commerceinsight.analytics.console;

import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What the web console needs to sign in before it calls anything: the identity provider's issuer and the console's
 * public client id. Public by design (the console reads it signed out); it holds no secret, a public client has none.
 */
@Path("/console/config.json")
@Tag(name = "Web console")
public class ConsoleConfigResource {

    /** The console's sign-in settings; {@code issuer} null means identity is off and the console calls without a token. */
    public record ConsoleConfig(String issuer, String clientId) {
    }

    private final Optional<String> issuer;
    private final String clientId;

    public ConsoleConfigResource(ConsoleOidcConfig config) {
        this.issuer = config.issuer().map(String::trim).filter(s -> !s.isEmpty());
        this.clientId = config.clientId();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The console's sign-in settings", description = "The OpenID Connect issuer (null: no sign-in) and "
            + "the console's client id; the console signs in with the authorization code flow and PKCE.",
            hidden = true) // a file of the console, read before sign-in, not an operation of the API
    @PermitAll
    public ConsoleConfig config() {
        return new ConsoleConfig(issuer.orElse(null), issuer.isPresent() ? clientId : null);
    }
}
