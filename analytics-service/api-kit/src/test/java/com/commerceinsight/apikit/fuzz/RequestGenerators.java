package com.commerceinsight.apikit.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Requests for one operation: its path and query parameters and its body drawn from {@link JsonValues}, plus broken
 * bodies (invalid JSON, empty, an array or a scalar where an object belongs, deep nesting) and the wrong content type.
 */
final class RequestGenerators {

    private static final String JSON = "application/json";
    /**
     * Parameter text is cut until it is this long URL-encoded: past about 4 KB the HTTP server refuses the request line
     * itself, before the application sees it.
     */
    private static final int MAX_ENCODED_PARAMETER_LENGTH = 600;
    private static final List<String> BROKEN_JSON = List.of("{", "{\"a\":}", "nul", "{'single':'quotes'}", "{\"a\":1,}",
            "\u0000", "[1,2", "{\"a\":\"\\uZZZZ\"}", "\"unterminated", "{\"a\":01}");
    /** Valid JSON followed by more: a lenient reader takes the first value, so these are not sure to be rejected. */
    private static final List<String> TRAILING_GARBAGE = List.of("{}{}", "{\"a\":1} trailing", "[] []");

    private RequestGenerators() {
    }

    /** Requests of every kind: plausible, hostile, missing and extra parameters, broken bodies. */
    static Gen<FuzzRequest> any(ApiOperation operation) {
        Gen<Optional<String>> body = operation.takesBody() ? anyBody(operation.bodySchema()) : Gen.just(Optional.empty());
        Gen<String> contentType = Gen.frequency(Gen.weight(12, Gen.just(JSON)),
                Gen.weight(1, Gen.of(List.of("text/plain", "application/xml"))));
        Gen<String> path = pathValues(operation, true);
        Gen<List<Map.Entry<String, String>>> query = queryValues(operation);
        return random -> {
            Optional<String> text = body.next(random);
            return new FuzzRequest(operation, path.next(random), query.next(random), text.orElse(null),
                    text.isPresent() ? contentType.next(random) : null);
        };
    }

    /**
     * Requests that every binding must reject before the operation does any work: the body is always broken or holds a
     * field of a kind that cannot be coerced. For operations that start heavy work (training, imports, rebuilds).
     */
    static Gen<FuzzRequest> rejectedByValidation(ApiOperation operation) {
        if (!operation.takesBody()) {
            throw new IllegalArgumentException(operation.key() + " takes no JSON body: it cannot be fuzzed on its validation only");
        }
        Gen<String> path = pathValues(operation, false);
        Gen<List<Map.Entry<String, String>>> query = queryValues(operation);
        Gen<String> body = brokenBody(operation.bodySchema());
        return random -> new FuzzRequest(operation, path.next(random), query.next(random), body.next(random), JSON);
    }

    private static Gen<String> pathValues(ApiOperation operation, boolean hostile) {
        List<Gen<Map.Entry<String, String>>> values = new ArrayList<>();
        for (ApiParameter parameter : operation.parameters()) {
            if (parameter.inPath()) {
                Gen<JsonNode> value = hostile ? JsonValues.any(parameter.schema(), 1) : JsonValues.plausible(parameter.schema(), 1);
                values.add(value.map(RequestGenerators::text).filter(v -> !v.isBlank()).map(v -> entry(parameter.name(), v)));
            }
        }
        if (values.isEmpty()) {
            return Gen.just(operation.pathTemplate());
        }
        return Gen.<Map.Entry<String, String>>sequence(values).map(entries -> {
            String path = operation.pathTemplate();
            for (Map.Entry<String, String> entry : entries) {
                path = path.replace("{" + entry.getKey() + "}", URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return path;
        });
    }

    private static Gen<List<Map.Entry<String, String>>> queryValues(ApiOperation operation) {
        List<Gen<Optional<Map.Entry<String, String>>>> values = new ArrayList<>();
        for (ApiParameter parameter : operation.parameters()) {
            if (parameter.inQuery()) {
                Gen<Optional<Map.Entry<String, String>>> present = JsonValues.any(parameter.schema(), 1)
                        .map(v -> Optional.of(entry(parameter.name(), text(v))));
                values.add(Gen.frequency(Gen.weight(parameter.required() ? 9 : 6, present),
                        Gen.weight(parameter.required() ? 1 : 4, Gen.just(Optional.<Map.Entry<String, String>>empty()))));
            }
        }
        values.add(Gen.frequency(Gen.weight(9, Gen.just(Optional.<Map.Entry<String, String>>empty())),
                Gen.weight(1, Gen.just(Optional.of(entry("unexpectedParameter", "1"))))));
        return Gen.<Optional<Map.Entry<String, String>>>sequence(values)
                .map(entries -> entries.stream().flatMap(Optional::stream).toList());
    }

    private static Gen<Optional<String>> anyBody(JsonNode schema) {
        return Gen.frequency(
                Gen.weight(5, JsonValues.plausible(schema, 0).map(v -> Optional.of(v.toString()))),
                Gen.weight(5, JsonValues.hostile(schema, 0).map(v -> Optional.of(v.toString()))),
                Gen.weight(1, Gen.just(Optional.<String>empty())),
                Gen.weight(1, Gen.of(List.of("", " ", "[]", "{}", "null", "42", "\"text\"")).map(Optional::of)),
                Gen.weight(1, Gen.of(TRAILING_GARBAGE).map(Optional::of)),
                Gen.weight(2, brokenBody(schema).map(Optional::of)));
    }

    private static Gen<String> brokenBody(JsonNode schema) {
        return Gen.frequency(
                Gen.weight(3, Gen.of(BROKEN_JSON)),
                Gen.weight(2, JsonValues.plausible(schema, 0).map(v -> JsonValues.NODES.arrayNode().add(v).toString())),
                Gen.weight(1, Gen.of(List.of("[]", "42", "\"text\"", "true"))),
                Gen.weight(1, Gen.ints(1_500, 5_000).map(depth -> "[".repeat(depth) + "]".repeat(depth))),
                Gen.weight(4, JsonValues.plausible(schema, 0).flatMap(value -> withUncoercibleField(schema, value))));
    }

    /** The object with one of its schema's properties replaced by a value no binding accepts. */
    private static Gen<String> withUncoercibleField(JsonNode schema, JsonNode value) {
        List<String> names = new ArrayList<>();
        if (value instanceof ObjectNode object) {
            Iterator<String> fields = object.fieldNames();
            fields.forEachRemaining(name -> {
                if (schema.path("properties").has(name)) {
                    names.add(name);
                }
            });
        }
        if (names.isEmpty()) {
            return Gen.just("[" + value + "]");
        }
        return Gen.of(names).map(name -> {
            ObjectNode copy = ((ObjectNode) value).deepCopy();
            copy.set(name, JsonValues.uncoercible(kindOf(value.get(name))));
            return copy.toString();
        });
    }

    private static JsonNode kindOf(JsonNode value) {
        return value.isObject() ? JsonValues.NODES.objectNode().put("type", "object") : JsonValues.NODES.objectNode().put("type", "string");
    }

    /** A JSON value as a parameter's text: strings bare, everything else as JSON; cut to what a request line holds. */
    private static String text(JsonNode value) {
        String text = value.isTextual() ? value.asText() : value.toString();
        while (URLEncoder.encode(text, StandardCharsets.UTF_8).length() > MAX_ENCODED_PARAMETER_LENGTH) {
            text = text.substring(0, text.length() * 2 / 3);
        }
        return text;
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }
}
