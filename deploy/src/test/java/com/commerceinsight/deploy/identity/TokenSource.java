package com.commerceinsight.deploy.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The access tokens of one user, from an OpenID Connect provider's password grant on a public client (the realm's
 * {@code commerce-cli}): fetched on first use and fetched again before they expire, so a caller may hold one
 * source for a whole test run or benchmark. Thread-safe.
 * <p>
 * Hand-written rather than a library's client: the deploy module keeps the services' Quarkus stack off its classpath
 * (no quarkus-oidc-client here), and the grant is one discovery read, one form POST and two JSON fields.
 */
public final class TokenSource {

    /** The realm's client for scripts, tests and benchmarks (direct access grants). */
    public static final String CLI_CLIENT = "commerce-cli";
    /** A token is fetched again when it has less than this left, so a request never carries one that expires on the way. */
    private static final Duration MARGIN = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI issuer;
    private final String clientId;
    private final String username;
    private final String password;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private URI tokenEndpoint;
    private String accessToken;
    private Instant expiresAt = Instant.MIN;

    public TokenSource(URI issuer, String clientId, String username, String password) {
        this(issuer, clientId, username, password, Clock.systemUTC());
    }

    /** With the clock a token's remaining time is judged by (a test moves it on rather than waiting half an hour). */
    public TokenSource(URI issuer, String clientId, String username, String password, Clock clock) {
        this.issuer = issuer;
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.clock = clock;
    }

    /** The demo user's tokens on the {@code commerce-cli} client of the realm at {@code issuer}. */
    public static TokenSource of(URI issuer, DemoUser user) {
        return new TokenSource(issuer, CLI_CLIENT, user.username(), user.password());
    }

    /** An access token valid for at least another minute. */
    public String accessToken() {
        return accessTokenValidFor(MARGIN);
    }

    /** The value of an {@code Authorization} header: {@code Bearer} and an access token valid for at least another minute. */
    public String authorization() {
        return "Bearer " + accessToken();
    }

    /**
     * An {@code Authorization} header value whose token stays valid for {@code period}: for a caller that sets its
     * header once for a timed run (an event loop that must not wait for the identity provider in the middle of it).
     */
    public String authorizationValidFor(Duration period) {
        return "Bearer " + accessTokenValidFor(period.plus(MARGIN));
    }

    private synchronized String accessTokenValidFor(Duration period) {
        if (clock.instant().plus(period).isAfter(expiresAt)) {
            fetch();
            if (clock.instant().plus(period).isAfter(expiresAt)) {
                throw new IllegalStateException("the tokens of " + username + " at " + issuer + " expire at " + expiresAt
                        + ", before the " + period + " asked for: lengthen the realm's access token lifespan");
            }
        }
        return accessToken;
    }

    private void fetch() {
        try {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "password");
            form.put("client_id", clientId);
            form.put("username", username);
            form.put("password", password);
            Instant requested = clock.instant();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint())
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(formBody(form))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + username + " from " + issuer + ": " + response.statusCode()
                        + " " + response.body());
            }
            JsonNode token = JSON.readTree(response.body());
            accessToken = token.path("access_token").asText();
            // Counted from the request, not the answer: the provider's clock started before the answer travelled back.
            expiresAt = requested.plusSeconds(token.path("expires_in").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException("no token for " + username + " from " + issuer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token for " + username, e);
        }
    }

    /** The provider's token endpoint, from its discovery document (read once). */
    private URI tokenEndpoint() throws IOException, InterruptedException {
        if (tokenEndpoint == null) {
            tokenEndpoint = URI.create(Discovery.read(http, issuer).path("token_endpoint").asText());
        }
        return tokenEndpoint;
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
