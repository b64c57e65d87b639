package com.commerceinsight.analytics.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.commerceinsight.apikit.security.Roles;
import com.commerceinsight.apikit.testing.TestTokens;

import io.vertx.ext.web.Router;

/**
 * In the dashboard tests' profile only ({@code console-test.relay-analyst-token}): gives the console's API calls an analyst's signed test token, as the browser of a
 * signed-in analyst would send one. The console's own sign-in needs an identity server, which the service's tests do
 * without (the end-to-end tests sign in against Keycloak); what is checked here is what the pages show.
 */
@ApplicationScoped
public class ConsoleBearerRelay {

    void install(@Observes Router router,
            @ConfigProperty(name = "console-test.relay-analyst-token", defaultValue = "false") boolean enabled) {
        if (!enabled) {
            return;
        }
        String bearer = "Bearer " + TestTokens.withRoles(Roles.ANALYST);
        router.route("/api/*").order(Integer.MIN_VALUE).handler(context -> {
            String referer = context.request().getHeader("Referer");
            if (referer != null && referer.contains("/console/") && context.request().getHeader("Authorization") == null) {
                context.request().headers().set("Authorization", bearer);
            }
            context.next();
        });
    }
}
