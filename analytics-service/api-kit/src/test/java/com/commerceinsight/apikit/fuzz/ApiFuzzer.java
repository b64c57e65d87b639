package com.commerceinsight.apikit.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends requests generated from a running service's OpenAPI document and checks every answer: no 5xx, every 4xx an
 * {@code application/problem+json} body whose status matches, and no operation fuzzed on its validation only that
 * accepts the request.
 *
 * <p>A property-test engine does not run Quarkus's test extension, so the fuzzer is called from a JUnit Jupiter
 * {@code @QuarkusTest} and draws its requests from {@link Gen} generators with a fixed seed: the same seed sends the
 * same requests, so a finding can be replayed. (No shrinking: a finding is reported as sent.)
 */
public final class ApiFuzzer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final URI baseUri;
    private URI openApiUri;
    private Supplier<Map<String, String>> headers = Map::of;
    private long seed = 42;
    private int requests = 1_000;
    private final Map<String, String> validationOnly = new LinkedHashMap<>();
    private final Map<String, String> excluded = new LinkedHashMap<>();

    private ApiFuzzer(String service, URI baseUri) {
        this.service = service;
        this.baseUri = baseUri;
        this.openApiUri = baseUri.resolve("/q/openapi?format=json");
    }

    /** A fuzzer for the service whose API answers at baseUri (its OpenAPI document at /q/openapi unless told). */
    public static ApiFuzzer of(String service, URI baseUri) {
        return new ApiFuzzer(service, baseUri);
    }

    /** Where the OpenAPI document is served (the management interface, once the service has one). */
    public ApiFuzzer openApi(URI documentUri) {
        this.openApiUri = documentUri;
        return this;
    }

    /** Headers sent with every request and the document fetch (an Authorization header once the API asks for one). */
    public ApiFuzzer headers(Supplier<Map<String, String>> headers) {
        this.headers = headers;
        return this;
    }

    public ApiFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    public ApiFuzzer requests(int requests) {
        this.requests = requests;
        return this;
    }

    /**
     * The operation starts heavy work (a training, an import, a rebuild): it is sent only requests every binding must
     * reject, and any it accepts is a finding.
     */
    public ApiFuzzer validationOnly(String method, String pathTemplate, String reason) {
        validationOnly.put(method + " " + pathTemplate, reason);
        return this;
    }

    /** The operation is not fuzzed at all; the reason is printed with the report. */
    public ApiFuzzer exclude(String method, String pathTemplate, String reason) {
        excluded.put(method + " " + pathTemplate, reason);
        return this;
    }

    public FuzzReport run() {
        FuzzReport report = new FuzzReport(service, seed);
        List<ApiOperation> operations = new ArrayList<>();
        for (ApiOperation operation : OpenApiDocument.fetch(openApiUri, headers).operations()) {
            if (excluded.containsKey(operation.key())) {
                report.excluded(operation.key(), excluded.get(operation.key()));
            } else {
                operations.add(operation);
            }
        }
        if (operations.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document at " + openApiUri + " lists no operation to fuzz");
        }
        List<Gen<FuzzRequest>> perOperation = operations.stream()
                .map(op -> validationOnly.containsKey(op.key()) ? RequestGenerators.rejectedByValidation(op) : RequestGenerators.any(op))
                .toList();
        Gen<FuzzRequest> generator = Gen.oneOf(perOperation);
        // HTTP/1.1 as a browser or gateway sends it, without the upgrade to HTTP/2 the client would otherwise try
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Random random = new Random(seed);
        for (int i = 0; i < requests; i++) {
            send(client, generator.next(random), report);
        }
        return report;
    }

    private void send(HttpClient client, FuzzRequest request, FuzzReport report) {
        String query = request.query().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        String base = baseUri.toString().replaceAll("/$", "");
        HttpRequest.Builder http = HttpRequest.newBuilder(URI.create(base + request.path() + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json");
        headers.get().forEach(http::header);
        if (request.body() != null) {
            http.header("Content-Type", request.contentType());
            http.method(request.operation().method(), HttpRequest.BodyPublishers.ofString(request.body()));
        } else {
            http.method(request.operation().method(), HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = client.send(http.build(), HttpResponse.BodyHandlers.ofString());
            report.record(request, response.statusCode(), defectOf(request, response), response.body());
        } catch (IOException e) {
            report.record(request, 0, "no answer: " + e, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Why the answer is a defect, or null when it is fine. */
    private String defectOf(FuzzRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return "server error";
        }
        if (status >= 400) {
            return problemDefect(response);
        }
        if (validationOnly.containsKey(request.operation().key())) {
            return "accepted a request meant to fail validation (" + validationOnly.get(request.operation().key()) + ")";
        }
        return null;
    }

    static String problemDefect(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "4xx without application/problem+json (Content-Type '" + type + "')";
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem == null || !problem.isObject() || problem.path("status").asInt() != response.statusCode()
                    || !problem.path("title").isTextual()) {
                return "problem body without a title or with a status other than " + response.statusCode();
            }
            return null;
        } catch (IOException e) {
            return "problem body is not JSON";
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
