package com.commerceinsight.apikit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.commerceinsight.apikit.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Walks every operation of a running service's OpenAPI document and calls it with no token (expects 401), with an
 * expired token or one issued for another API (401), with each role the service's rule table does not allow (403) and with each role it allows
 * (neither). An operation the table has no rule for, or a rule for an operation that no longer exists, is a failure:
 * a new endpoint cannot ship without a decision on who may call it.
 *
 * <p>Path parameters are filled with {@code 1}; operations with a request body get a JSON array, which no operation
 * takes: a caller who passes the role check is stopped by validation (400) instead of starting work (imports, training),
 * and authorization is checked before the body is read. Shopper tokens speak for customer
 * {@link TestTokens#SHOPPER_CUSTOMER_ID}.
 */
public final class OperationAccessWalker {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String NOT_A_REQUEST_BODY = "[]";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final URI api;
    private final URI openApiDocument;

    /**
     * @param api the service's API root (its HTTP port)
     * @param openApiDocument the OpenAPI document in JSON (on the management interface)
     */
    public OperationAccessWalker(URI api, URI openApiDocument) {
        this.api = api;
        this.openApiDocument = openApiDocument;
    }

    /** One operation as the rule table names it: {@code "GET /api/segments/{segmentId}/customers"}. */
    public record Operation(String method, String path, boolean hasBody) {
        public String key() {
            return method + " " + path;
        }
    }

    /** What the walk saw: how many operations the document has, how many the table covers, and every mismatch. */
    public record Report(int operations, int covered, int requests, List<String> failures) {
        public String summary() {
            return "authorization walk: " + covered + " of " + operations + " operations covered, " + requests
                    + " requests, " + failures.size() + " failure(s)";
        }
    }

    /**
     * Walks the document against the rules: for each operation key, the roles that may call it.
     */
    public Report walk(Map<String, Set<String>> allowedRoles) throws IOException, InterruptedException {
        List<Operation> operations = operations();
        List<String> failures = new ArrayList<>();
        Set<String> documented = new TreeSet<>();
        int covered = 0;
        int requests = 0;
        for (Operation operation : operations) {
            documented.add(operation.key());
            Set<String> allowed = allowedRoles.get(operation.key());
            if (allowed == null) {
                failures.add(operation.key() + ": no rule in the table (every operation needs one)");
                continue;
            }
            covered++;
            requests += check(operation, allowed, failures);
        }
        for (String rule : new TreeSet<>(allowedRoles.keySet())) {
            if (!documented.contains(rule)) {
                failures.add(rule + ": a rule for an operation the OpenAPI document does not have");
            }
        }
        return new Report(operations.size(), covered, requests, failures);
    }

    private int check(Operation operation, Set<String> allowed, List<String> failures)
            throws IOException, InterruptedException {
        int requests = 0;
        expectUnauthenticated(operation, null, "no token", failures);
        String[] everyRole = Roles.ALL.toArray(String[]::new);
        expectUnauthenticated(operation, TestTokens.expired(everyRole), "an expired token", failures);
        expectUnauthenticated(operation, TestTokens.forAudience("another-api", everyRole), "another API's token", failures);
        requests += 3;
        for (String role : Roles.ALL) {
            HttpResponse<String> response = call(operation, tokenFor(role));
            requests++;
            int status = response.statusCode();
            if (allowed.contains(role)) {
                if (status == 401 || status == 403) {
                    failures.add(operation.key() + " as " + role + ": " + status + " though the role is allowed ("
                            + response.body() + ")");
                }
            } else if (status != 403) {
                failures.add(operation.key() + " as " + role + ": " + status + " where 403 was expected");
            } else if (!isProblem(response)) {
                failures.add(operation.key() + " as " + role + ": 403 without a problem+json body");
            }
        }
        return requests;
    }

    private void expectUnauthenticated(Operation operation, String token, String what, List<String> failures)
            throws IOException, InterruptedException {
        HttpResponse<String> response = call(operation, token);
        if (response.statusCode() != 401) {
            failures.add(operation.key() + " with " + what + ": " + response.statusCode() + " where 401 was expected");
        } else if (!isProblem(response)) {
            failures.add(operation.key() + " with " + what + ": 401 without a problem+json body");
        }
    }

    private static String tokenFor(String role) {
        return Roles.SHOPPER.equals(role) ? TestTokens.shopper(TestTokens.SHOPPER_CUSTOMER_ID) : TestTokens.withRoles(role);
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && response.body().contains("\"status\"");
    }

    private HttpResponse<String> call(Operation operation, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(concretePath(operation)))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (operation.hasBody()) {
            request.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofString(NOT_A_REQUEST_BODY);
        }
        request.method(operation.method(), body);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String concretePath(Operation operation) {
        String path = operation.path().replaceAll("\\{[^}]+}", "1");
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Every operation of the document, in its order. */
    public List<Operation> operations() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(openApiDocument)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(openApiDocument + " answered " + response.statusCode());
        }
        JsonNode paths = json.readTree(response.body()).path("paths");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> m = path.getValue().fields(); m.hasNext();) {
                Map.Entry<String, JsonNode> method = m.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(),
                        method.getValue().has("requestBody")));
            }
        }
        return operations;
    }
}
