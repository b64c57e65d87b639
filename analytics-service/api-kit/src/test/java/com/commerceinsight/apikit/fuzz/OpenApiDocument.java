package com.commerceinsight.apikit.fuzz;

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
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A service's OpenAPI document (JSON), read from the running service, turned into the list of operations the fuzzer
 * aims at. Schema references are resolved against the document's components, down to a fixed depth (recursive
 * schemas end in an empty schema).
 */
public final class OpenApiDocument {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final int MAX_REF_DEPTH = 8;

    private final JsonNode root;

    OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Fetches the document; the headers (a bearer token once the service asks for one) go with the request. */
    public static OpenApiDocument fetch(URI documentUri, Supplier<Map<String, String>> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(documentUri).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        headers.get().forEach(request::header);
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("OpenAPI document " + documentUri + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the OpenAPI document " + documentUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static OpenApiDocument parse(String json) {
        try {
            return new OpenApiDocument(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI JSON document", e);
        }
    }

    public List<ApiOperation> operations() {
        List<ApiOperation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) {
                    operations.add(operation(method.toUpperCase(), path.getKey(), path.getValue(), operation));
                }
            }
        }
        return operations;
    }

    private ApiOperation operation(String method, String path, JsonNode pathItem, JsonNode operation) {
        List<ApiParameter> parameters = new ArrayList<>();
        for (JsonNode source : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : source) {
                JsonNode resolved = resolve(parameter, 0);
                parameters.add(new ApiParameter(resolved.path("name").asText(), resolved.path("in").asText(),
                        resolved.path("required").asBoolean(false), resolve(resolved.path("schema"), 0)));
            }
        }
        JsonNode body = resolve(operation.path("requestBody"), 0);
        JsonNode schema = null;
        Iterator<Map.Entry<String, JsonNode>> contents = body.path("content").fields();
        while (contents.hasNext()) {
            Map.Entry<String, JsonNode> content = contents.next();
            if (content.getKey().contains("json")) {
                schema = resolve(content.getValue().path("schema"), 0);
            }
        }
        return new ApiOperation(method, path, List.copyOf(parameters), schema, body.path("required").asBoolean(false));
    }

    /** The schema with every $ref replaced by its target, recursively, and allOf merged into one object schema. */
    JsonNode resolve(JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return node == null ? null : node;
        }
        if (!node.isObject()) {
            if (node.isArray()) {
                var copy = JsonValues.NODES.arrayNode();
                node.forEach(item -> copy.add(resolve(item, depth)));
                return copy;
            }
            return node;
        }
        if (node.has("$ref")) {
            if (depth >= MAX_REF_DEPTH) {
                return JsonValues.NODES.objectNode();
            }
            JsonNode target = root.at(node.get("$ref").asText().replaceFirst("^#", ""));
            return resolve(target, depth + 1);
        }
        ObjectNode copy = JsonValues.NODES.objectNode();
        node.fields().forEachRemaining(field -> copy.set(field.getKey(), resolve(field.getValue(), depth)));
        if (copy.has("allOf")) {
            ObjectNode merged = JsonValues.NODES.objectNode();
            for (JsonNode part : copy.get("allOf")) {
                part.fields().forEachRemaining(field -> {
                    if (field.getValue().isObject() && merged.get(field.getKey()) instanceof ObjectNode existing) {
                        existing.setAll((ObjectNode) field.getValue());
                    } else {
                        merged.set(field.getKey(), field.getValue().deepCopy());
                    }
                });
            }
            copy.remove("allOf");
            merged.setAll(copy);
            return merged;
        }
        return copy;
    }
}
