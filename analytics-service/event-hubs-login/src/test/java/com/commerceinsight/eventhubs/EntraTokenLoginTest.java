package com.commerceinsight.eventhubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;
import org.junit.jupiter.api.Test;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;

import reactor.core.publisher.Mono;

class EntraTokenLoginTest {

    private static final OffsetDateTime EXPIRES = OffsetDateTime.of(2026, 12, 6, 12, 0, 0, 0, ZoneOffset.UTC);

    /** A credential that records the scopes asked for and answers a fixed token. */
    private static final class RecordingCredential implements TokenCredential {
        final List<List<String>> asked = new ArrayList<>();

        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            asked.add(request.getScopes());
            return Mono.just(new AccessToken("entra-token", EXPIRES));
        }
    }

    private static final AppConfigurationEntry NO_OPTIONS = new AppConfigurationEntry(OAuthBearerLoginModule.class.getName(),
            AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of());

    @Test
    void theTokenIsTheCredentialsForTheNamespaceOfTheBootstrapServer() throws Exception {
        RecordingCredential credential = new RecordingCredential();
        EntraTokenLogin login = new EntraTokenLogin(credential);
        login.configure(Map.of("bootstrap.servers", List.of("commerce-insight-events.servicebus.windows.net:9093")),
                OAuthBearerLoginModule.OAUTHBEARER_MECHANISM, List.of(NO_OPTIONS));

        OAuthBearerTokenCallback callback = new OAuthBearerTokenCallback();
        login.handle(new Callback[] {callback});

        assertThat(credential.asked).containsExactly(List.of("https://commerce-insight-events.servicebus.windows.net/.default"));
        assertThat(callback.token().value()).isEqualTo("entra-token");
        assertThat(callback.token().lifetimeMs()).isEqualTo(EXPIRES.toInstant().toEpochMilli());
        assertThat(callback.token().scope()).containsExactly("https://commerce-insight-events.servicebus.windows.net/.default");
    }

    @Test
    void aJaasScopeOptionWinsOverTheBootstrapServer() throws Exception {
        RecordingCredential credential = new RecordingCredential();
        EntraTokenLogin login = new EntraTokenLogin(credential);
        AppConfigurationEntry withScope = new AppConfigurationEntry(OAuthBearerLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("scope", "https://eventhubs.azure.net/.default"));
        login.configure(Map.of("bootstrap.servers", "a.servicebus.windows.net:9093,b.servicebus.windows.net:9093"),
                OAuthBearerLoginModule.OAUTHBEARER_MECHANISM, List.of(withScope));

        login.handle(new Callback[] {new OAuthBearerTokenCallback()});

        assertThat(credential.asked).containsExactly(List.of("https://eventhubs.azure.net/.default"));
    }

    @Test
    void onlyOauthBearerAndItsTokenCallbackAreHandled() {
        EntraTokenLogin login = new EntraTokenLogin(new RecordingCredential());
        assertThatThrownBy(() -> login.configure(Map.of("bootstrap.servers", "x:9093"), "PLAIN", List.of(NO_OPTIONS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PLAIN");

        login.configure(Map.of("bootstrap.servers", "x:9093"), OAuthBearerLoginModule.OAUTHBEARER_MECHANISM, List.of(NO_OPTIONS));
        assertThatThrownBy(() -> login.handle(new Callback[] {new NameCallback("name")})).isInstanceOf(UnsupportedCallbackException.class);
    }

    @Test
    void theScopeIsTheFirstServersHostWithoutPortOrScheme() {
        assertThat(EntraTokenLogin.scopeOf("SASL_SSL://ns.servicebus.windows.net:9093, other:9093"))
                .isEqualTo("https://ns.servicebus.windows.net/.default");
        assertThatThrownBy(() -> EntraTokenLogin.scopeOf(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
