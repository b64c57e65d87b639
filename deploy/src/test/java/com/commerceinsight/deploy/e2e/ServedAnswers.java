package com.commerceinsight.deploy.e2e;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.commerceinsight.deploy.identity.TokenSource;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the gateway serves about one customer (repurchase score, segment, recommendations), reduced to what shows
 * whether an order has reached each answer:
 * <ul>
 * <li>the score's {@code lastOrderAt}: the latest sale the score counts;</li>
 * <li>the segment's {@code assessedAt}: the time of the customer's latest order event in the segment's features;</li>
 * <li>the recommended products: an order for the top one folds it into the customer's vector, and a bought product
 * leaves the list (already-bought items are filtered by default).</li>
 * </ul>
 * A caller that gives a customer exactly one new order, for the product on top of their list, can tell from a
 * change in each of these that the answer reflects that order.
 */
final class ServedAnswers {

    /** One customer's answers as served at one moment. */
    record Served(String scoredLastOrderAt, String assessedAt, List<Long> recommended) {
    }

    /** A marker read now differs from the one read before an order: the answer reflects a later order event. */
    static boolean moved(String now, String before) {
        return now != null && !now.equals(before);
    }

    private final GatewayClient gateway;

    /** Asks the gateway with the tokens of a user who may read all three answers and place orders for any customer. */
    ServedAnswers(URI gateway, TokenSource tokens) {
        this(new GatewayClient(gateway, tokens));
    }

    private ServedAnswers(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The same, polling as a benchmark's watchers do: a poll refused by the rate limit waits its Retry-After (counted). */
    static ServedAnswers waitingOutRateLimits(URI gateway, TokenSource tokens) {
        return new ServedAnswers(GatewayClient.waitingOutRateLimits(gateway, tokens));
    }

    Served all(long customerId) throws IOException, InterruptedException {
        return new Served(scoredLastOrderAt(customerId), assessedAt(customerId), recommended(customerId));
    }

    String scoredLastOrderAt(long customerId) throws IOException, InterruptedException {
        return gateway.get("/api/predictions/customers/" + customerId + "/repurchase?contributions=0").path("lastOrderAt").asText(null);
    }

    String assessedAt(long customerId) throws IOException, InterruptedException {
        return gateway.get("/api/segments/customers/" + customerId).path("assessedAt").asText(null);
    }

    List<Long> recommended(long customerId) throws IOException, InterruptedException {
        List<Long> products = new ArrayList<>();
        gateway.get("/api/recommendations/customers/" + customerId).path("items").forEach(item -> products.add(item.path("productId").asLong()));
        return products;
    }

    /** Places an order through the gateway; returns the answer (orderId, ...). Fails on any status but 201. */
    JsonNode placeOrder(long customerId, long productId) throws IOException, InterruptedException {
        String body = "{\"customerId\":" + customerId + ",\"lines\":[{\"productId\":" + productId + ",\"quantity\":1}],"
                + "\"payment\":{\"method\":\"credit_card\",\"status\":\"succeeded\"}}";
        return gateway.post("/api/analytics/orders", body, 201);
    }

    /**
     * Orders placed on {@code day} (and not cancelled) by customers of this state, as the dashboards' Home page serves
     * them now: one day's summary rows, so the poll costs little beside what it waits for.
     */
    long dashboardOrders(String state, java.time.LocalDate day) throws IOException, InterruptedException {
        return gateway.get("/api/analytics/dashboards/home?from=" + day + "&to=" + day + "&state="
                + java.net.URLEncoder.encode(state, java.nio.charset.StandardCharsets.UTF_8)).path("orders").asLong();
    }

    /** How many polls the gateway's rate limit refused (each asked again after its Retry-After). */
    int rateLimitedPolls() {
        return gateway.rateLimitedCount();
    }
}
