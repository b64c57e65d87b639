package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.commerceinsight.deploy.identity.TokenSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The APIs behind the local gateway, called with one user's tokens; answers read as JSON, any other status fails. */
final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final TokenSource tokens;

    GatewayClient(URI gateway, TokenSource tokens) {
        this.gateway = gateway;
        this.tokens = tokens;
    }

    /** GET of a path with its query; fails on any status but 200. */
    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).GET(), "GET " + path, 200);
    }

    /** POST of a JSON body; fails on any status but {@code expectedStatus}. */
    JsonNode post(String path, String body, int expectedStatus) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(gateway.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), "POST " + path, expectedStatus);
    }

    private JsonNode send(HttpRequest.Builder request, String what, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", tokens.authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
