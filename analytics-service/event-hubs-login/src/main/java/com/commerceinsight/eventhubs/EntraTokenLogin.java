package com.commerceinsight.eventhubs;

import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.callback.Callback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.common.security.auth.AuthenticateCallbackHandler;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerToken;
import org.apache.kafka.common.security.oauthbearer.OAuthBearerTokenCallback;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;

/**
 * Signs a Kafka client in to Azure Event Hubs with an Entra token, so no connection string exists anywhere. Kafka's own
 * OAUTHBEARER login (kafka-clients 4.1, under Quarkus 3.33) can send a client secret but not the workload identity's
 * federated token; azure-identity's DefaultAzureCredential can (it reads the token file the AKS workload identity
 * webhook projects), so this login callback asks it for a token of the namespace's scope and hands that to Kafka, which
 * refreshes it before it expires. Configure with
 * {@code sasl.login.callback.handler.class=com.commerceinsight.eventhubs.EntraTokenLogin}, {@code sasl.mechanism=OAUTHBEARER}
 * and {@code security.protocol=SASL_SSL}; the scope is {@code https://<bootstrap host>/.default}, or the JAAS option
 * {@code scope} where it must differ.
 */
public class EntraTokenLogin implements AuthenticateCallbackHandler {

    private final TokenCredential preset;
    private TokenCredential credential;
    private String scope;

    /** What Kafka instantiates: the credential is the workload's, found when the client is configured. */
    public EntraTokenLogin() {
        this(null);
    }

    /** With a given credential (tests). */
    EntraTokenLogin(TokenCredential credential) {
        this.preset = credential;
    }

    @Override
    public void configure(Map<String, ?> configs, String saslMechanism, List<AppConfigurationEntry> jaasConfigEntries) {
        if (!OAuthBearerLoginModule.OAUTHBEARER_MECHANISM.equals(saslMechanism)) {
            throw new IllegalArgumentException("EntraTokenLogin signs in with OAUTHBEARER only, not " + saslMechanism);
        }
        String configured = jaasConfigEntries.stream().map(entry -> entry.getOptions().get("scope"))
                .filter(String.class::isInstance).map(String.class::cast).findFirst().orElse(null);
        scope = configured != null ? configured : scopeOf(configs.get("bootstrap.servers"));
        credential = preset != null ? preset : new DefaultAzureCredentialBuilder().build();
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            if (!(callback instanceof OAuthBearerTokenCallback tokenCallback)) {
                throw new UnsupportedCallbackException(callback);
            }
            AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
            tokenCallback.token(new EntraToken(token.getToken(), scope, token.getExpiresAt().toInstant().toEpochMilli()));
        }
    }

    @Override
    public void close() {
        // DefaultAzureCredential holds nothing to release.
    }

    /** The Event Hubs namespace's token scope, from the first bootstrap server ({@code <namespace>.servicebus.windows.net:9093}). */
    static String scopeOf(Object bootstrapServers) {
        String first = bootstrapServers instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0))
                : String.valueOf(bootstrapServers).split(",")[0];
        String host = first.trim().replaceFirst("^[A-Za-z_]+://", "").replaceFirst(":[0-9]+$", "");
        if (host.isEmpty() || "null".equals(host)) {
            throw new IllegalArgumentException("no bootstrap server to take the Event Hubs namespace from; set the JAAS option scope");
        }
        return "https://" + host + "/.default";
    }

    /** The token as Kafka wants it: the value to send, its scope and its expiry. */
    record EntraToken(String value, String scopeName, long lifetimeMs) implements OAuthBearerToken {

        @Override
        public Set<String> scope() {
            return Set.of(scopeName);
        }

        @Override
        public String principalName() {
            return "entra-workload-identity";
        }

        @Override
        public Long startTimeMs() {
            return null;
        }
    }
}
