package com.commerceinsight.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.commerceinsight.deploy.identity.TokenSource;

/**
 * The local gateway routes the design's path prefixes to the services, as the cluster's ingress does, and passes the
 * caller's Authorization header on (every request here carries admin-demo's token).
 */
class LocalGatewayIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private TokenSource tokens;

    @Test
    void routesEachPrefixToItsServiceAndRefusesOthers() throws Exception {
        LocalSystem system = LocalSystem.get();
        tokens = system.tokens();
        int port = LocalSystem.freePort();
        ManagedProcess gateway = system.startGateway(port);
        try {
            HttpResponse<String> viaGateway = get("http://127.0.0.1:" + port + "/api/analytics/imports/formats");
            HttpResponse<String> direct = get(system.uri("analytics-service", "/api/analytics/imports/formats").toString());
            assertThat(viaGateway.statusCode()).isEqualTo(200);
            assertThat(viaGateway.body()).isEqualTo(direct.body()).contains("seed-shop");

            // The web console: static files of analytics-service, the same page through the gateway as direct.
            HttpResponse<String> console = get("http://127.0.0.1:" + port + "/console/");
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).isEqualTo(get(system.uri("analytics-service", "/console/").toString()).body())
                    .contains("app.js");

            HttpResponse<String> invalid = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/analytics/orders"))
                    .header("Content-Type", "application/json").header("Authorization", tokens.authorization()).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(invalid.statusCode()).isEqualTo(400);
            assertThat(invalid.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

            // The ML services answer under their own prefixes (404 problem from the service, not from the gateway).
            for (String prefix : new String[] {"/api/predictions", "/api/segments", "/api/recommendations"}) {
                assertThat(get("http://127.0.0.1:" + port + prefix + "/no-such-resource").body()).doesNotContain("no service serves");
            }
            HttpResponse<String> unrouted = get("http://127.0.0.1:" + port + "/api/unknown/thing");
            assertThat(unrouted.statusCode()).isEqualTo(404);
            assertThat(unrouted.body()).contains("no service serves /api/unknown/thing");
        } finally {
            gateway.stop();
        }
    }

    private HttpResponse<String> get(String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", tokens.authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
