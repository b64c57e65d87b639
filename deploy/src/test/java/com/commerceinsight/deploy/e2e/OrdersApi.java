package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** analytics-service's order ingest API over real HTTP, as admin-demo (an operator). */
final class OrdersApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final LocalSystem system;

    OrdersApi(LocalSystem system) {
        this.system = system;
    }

    /** Places an order; returns the response body (orderId, paymentId, ...). Fails on any status but 201. */
    JsonNode placeOrder(String body) throws IOException, InterruptedException {
        return send("POST", "/api/analytics/orders", body, 201);
    }

    JsonNode changeOrderStatus(long orderId, String status) throws IOException, InterruptedException {
        return send("PUT", "/api/analytics/orders/" + orderId + "/status", "{\"status\":\"" + status + "\"}", 200);
    }

    JsonNode changePaymentStatus(long orderId, long paymentId, String status) throws IOException, InterruptedException {
        return send("PUT", "/api/analytics/orders/" + orderId + "/payments/" + paymentId + "/status",
                "{\"status\":\"" + status + "\"}", 200);
    }

    private JsonNode send(String method, String path, String body, int expectedStatus) throws IOException, InterruptedException {
        URI uri = system.uri("analytics-service", path);
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("Authorization", system.tokens().authorization())
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
