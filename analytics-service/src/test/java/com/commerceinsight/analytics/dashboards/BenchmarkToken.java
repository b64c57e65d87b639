package com.commerceinsight.analytics.dashboards;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The bearer token {@link DashboardBenchmark} calls the service with: the password grant of the demo user
 * {@code bench.user} (default admin-demo, password demo-USER) on the client commerce-cli of the issuer
 * {@code bench.issuer}, fetched again a minute before it expires (a run may outlast a token); none when
 * {@code bench.issuer} is not set. A few lines of its own rather than deploy's TokenSource, which this module does not
 * see, or quarkus-oidc-client, which needs a running application.
 */
final class BenchmarkToken {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI issuer;
    private final String user;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String accessToken;
    private Instant refreshAt = Instant.MIN;

    private BenchmarkToken(URI issuer, String user) {
        this.issuer = issuer;
        this.user = user;
    }

    /** The token of the system properties' user, or null when no issuer is configured. */
    static BenchmarkToken fromSystemProperties() {
        String issuer = System.getProperty("bench.issuer", "");
        return issuer.isBlank() ? null : new BenchmarkToken(URI.create(issuer), System.getProperty("bench.user", "admin-demo"));
    }

    synchronized String authorization() throws Exception {
        if (Instant.now().isAfter(refreshAt)) {
            Instant requested = Instant.now();
            String endpoint = JSON.readTree(send(HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration")).build()))
                    .path("token_endpoint").asText();
            String form = "grant_type=password&client_id=commerce-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode("demo-" + user, StandardCharsets.UTF_8);
            JsonNode token = JSON.readTree(send(HttpRequest.newBuilder(URI.create(endpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build()));
            accessToken = token.path("access_token").asText();
            refreshAt = requested.plusSeconds(token.path("expires_in").asLong() - 60);
        }
        return "Bearer " + accessToken;
    }

    private String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + " from " + issuer + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }
}
