package com.commerceinsight.deploy.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An OpenID Connect provider's discovery document ({@code /.well-known/openid-configuration} under the issuer). */
public final class Discovery {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Discovery() {
    }

    public static URI uri(URI issuer) {
        return URI.create(issuer + "/.well-known/openid-configuration");
    }

    public static JsonNode read(HttpClient http, URI issuer) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(issuer)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("no discovery document at " + uri(issuer) + ": " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
