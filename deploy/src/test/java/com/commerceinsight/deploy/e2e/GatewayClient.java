package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import com.commerceinsight.deploy.identity.TokenSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The APIs behind the local gateway, called with one user's tokens; answers read as JSON, any other status fails. A
 * client made to wait out rate limits ({@link #waitingOutRateLimits}) instead waits a refused GET's Retry-After and asks
 * again, counting the refusals: the order-events benchmark's watchers poll more often the later an answer comes, and
 * may use up the user's allowance. The tests' clients keep failing on a 429.
 */
final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final TokenSource tokens;
    private final boolean waitOutRateLimits;
    private final AtomicInteger rateLimited = new AtomicInteger();

    GatewayClient(URI gateway, TokenSource tokens) {
        this(gateway, tokens, false);
    }

    private GatewayClient(URI gateway, TokenSource tokens, boolean waitOutRateLimits) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.waitOutRateLimits = waitOutRateLimits;
    }

    /** A client whose GETs wait out a 429 (its Retry-After) and ask again. */
    static GatewayClient waitingOutRateLimits(URI gateway, TokenSource tokens) {
        return new GatewayClient(gateway, tokens, true);
    }

    /** GET of a path with its query; fails on any status but 200 (a 429 is waited out by a client made to). */
    JsonNode get(String path) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> response = exchange(HttpRequest.newBuilder(gateway.resolve(path)).GET());
            if (response.statusCode() != 429 || !waitOutRateLimits) {
                return read(response, "GET " + path, 200);
            }
            rateLimited.incrementAndGet();
            Thread.sleep(1_000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
        }
    }

    /** How many GETs a rate limit refused (each was asked again after its Retry-After). */
    int rateLimitedCount() {
        return rateLimited.get();
    }

    /** POST of a JSON body; fails on any status but {@code expectedStatus}. */
    JsonNode post(String path, String body, int expectedStatus) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "POST " + path, expectedStatus);
    }

    private JsonNode send(HttpRequest.Builder request, String what, int expectedStatus) throws IOException, InterruptedException {
        return read(exchange(request), what, expectedStatus);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", tokens.authorization()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode read(HttpResponse<String> response, String what, int expectedStatus) throws IOException {
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
