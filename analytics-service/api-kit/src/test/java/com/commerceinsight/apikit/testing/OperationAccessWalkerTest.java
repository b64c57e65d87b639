package com.commerceinsight.apikit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.commerceinsight.apikit.security.Roles;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The walk against a small HTTP server whose one operation lets only analysts in (answering as a service does, by
 * the role in the token's payload): a right table passes, a missing rule, a stale rule or a wrong rule fails.
 */
class OperationAccessWalkerTest {

    private static final String OPENAPI = """
            {"openapi": "3.1.0", "paths": {"/api/things/{id}": {"get": {"parameters": [
              {"name": "id", "in": "path", "required": true, "schema": {"type": "integer"}}]}}}}
            """;

    private HttpServer server;
    private OperationAccessWalker walker;

    @BeforeEach
    void aServiceLettingOnlyAnalystsIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/openapi", exchange -> answer(exchange, 200, "application/json", OPENAPI));
        server.createContext("/api/things/", this::thing);
        server.start();
        URI root = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        walker = new OperationAccessWalker(root, root.resolve("/q/openapi"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void theRightRulePasses() throws Exception {
        OperationAccessWalker.Report report = walker.walk(Map.of("GET /api/things/{id}", Set.of(Roles.ANALYST)));

        assertThat(report.failures()).isEmpty();
        assertThat(report.operations()).isEqualTo(1);
        assertThat(report.covered()).isEqualTo(1);
        assertThat(report.requests()).isEqualTo(3 + Roles.ALL.size());
    }

    @Test
    void anOperationWithoutARuleFails() throws Exception {
        OperationAccessWalker.Report report = walker.walk(Map.of());

        assertThat(report.covered()).isZero();
        assertThat(report.failures()).singleElement().asString().contains("GET /api/things/{id}", "no rule");
    }

    @Test
    void aRuleForAMissingOperationFails() throws Exception {
        OperationAccessWalker.Report report = walker.walk(Map.of("GET /api/things/{id}", Set.of(Roles.ANALYST),
                "DELETE /api/things/{id}", Set.of(Roles.OPERATOR)));

        assertThat(report.failures()).singleElement().asString().contains("DELETE /api/things/{id}");
    }

    @Test
    void aRuleThatDiffersFromWhatTheServiceDoesFails() throws Exception {
        OperationAccessWalker.Report report = walker.walk(Map.of("GET /api/things/{id}", Set.of(Roles.OPERATOR)));

        assertThat(report.failures()).hasSize(2).anySatisfy(f -> assertThat(f).contains("as analyst: 200 where 403"))
                .anySatisfy(f -> assertThat(f).contains("as operator: 403 though the role is allowed"));
    }

    /** 401 without a token or with one not for this API or expired, 403 for any role but analyst. */
    private void thing(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null) {
            answer(exchange, 401, "application/problem+json", "{\"status\": 401}");
            return;
        }
        String payload = new String(java.util.Base64.getUrlDecoder().decode(authorization.split("\\.")[1]),
                StandardCharsets.UTF_8);
        long expires = Long.parseLong(payload.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        if (!payload.contains("\"aud\":\"" + TestTokens.AUDIENCE + "\"") || expires < System.currentTimeMillis() / 1000) {
            answer(exchange, 401, "application/problem+json", "{\"status\": 401}");
        } else if (payload.contains("\"roles\":[\"analyst\"]")) {
            answer(exchange, 200, "application/json", "{}");
        } else {
            answer(exchange, 403, "application/problem+json", "{\"status\": 403}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
