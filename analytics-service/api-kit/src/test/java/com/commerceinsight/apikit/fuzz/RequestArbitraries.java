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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Requests for one operation: its path and query parameters and its body drawn from {@link JsonValues}, plus broken
 * bodies (invalid JSON, empty, an array or a scalar where an object belongs, deep nesting) and the wrong content type.
 */
final class RequestArbitraries {

    private static final String JSON = "application/json";
    private static final List<String> BROKEN_JSON = List.of("{", "{\"a\":}", "nul", "{'single':'quotes'}", "{\"a\":1,}",
            "\u0000", "[1,2", "{\"a\":\"\\uZZZZ\"}", "\"unterminated", "{\"a\":01}");
    /** Valid JSON followed by more: a lenient reader takes the first value, so these are not sure to be rejected. */
    private static final List<String> TRAILING_GARBAGE = List.of("{}{}", "{\"a\":1} trailing", "[] []");

    private RequestArbitraries() {
    }

    /** Requests of every kind: plausible, hostile, missing and extra parameters, broken bodies. */
    static Arbitrary<FuzzRequest> any(ApiOperation operation) {
        Arbitrary<Optional<String>> body = operation.takesBody() ? anyBody(operation.bodySchema()) : Arbitraries.just(Optional.empty());
        Arbitrary<String> contentType = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just(JSON)),
                Tuple.of(1, Arbitraries.of("text/plain", "application/xml")));
        return Combinators.combine(pathValues(operation, true), queryValues(operation), body, contentType)
                .as((path, query, text, type) -> new FuzzRequest(operation, path, query, text.orElse(null),
                        text.isPresent() ? type : null));
    }

    /**
     * Requests that every binding must reject before the operation does any work: the body is always broken or holds a
     * field of a kind that cannot be coerced. For operations that start heavy work (training, imports, rebuilds).
     */
    static Arbitrary<FuzzRequest> rejectedByValidation(ApiOperation operation) {
        if (!operation.takesBody()) {
            throw new IllegalArgumentException(operation.key() + " takes no JSON body: it cannot be fuzzed on its validation only");
        }
        return Combinators.combine(pathValues(operation, false), queryValues(operation), brokenBody(operation.bodySchema()))
                .as((path, query, body) -> new FuzzRequest(operation, path, query, body, JSON));
    }

    private static Arbitrary<String> pathValues(ApiOperation operation, boolean hostile) {
        List<Arbitrary<Map.Entry<String, String>>> values = new ArrayList<>();
        for (ApiParameter parameter : operation.parameters()) {
            if (parameter.inPath()) {
                Arbitrary<JsonNode> value = hostile ? JsonValues.any(parameter.schema(), 1) : JsonValues.plausible(parameter.schema(), 1);
                values.add(value.map(v -> text(v)).filter(v -> !v.isBlank()).map(v -> entry(parameter.name(), v)));
            }
        }
        if (values.isEmpty()) {
            return Arbitraries.just(operation.pathTemplate());
        }
        return Combinators.combine(values).as(entries -> {
            String path = operation.pathTemplate();
            for (Map.Entry<String, String> entry : entries) {
                path = path.replace("{" + entry.getKey() + "}", URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            }
            return path;
        });
    }

    private static Arbitrary<List<Map.Entry<String, String>>> queryValues(ApiOperation operation) {
        List<Arbitrary<Optional<Map.Entry<String, String>>>> values = new ArrayList<>();
        for (ApiParameter parameter : operation.parameters()) {
            if (parameter.inQuery()) {
                Arbitrary<Optional<Map.Entry<String, String>>> present = JsonValues.any(parameter.schema(), 1)
                        .map(v -> Optional.of(entry(parameter.name(), text(v))));
                values.add(Arbitraries.frequencyOf(Tuple.of(parameter.required() ? 9 : 6, present),
                        Tuple.of(parameter.required() ? 1 : 4, Arbitraries.just(Optional.empty()))));
            }
        }
        values.add(Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(Optional.empty())),
                Tuple.of(1, Arbitraries.just(Optional.of(entry("unexpectedParameter", "1"))))));
        return Combinators.combine(values).as(entries -> entries.stream().flatMap(Optional::stream).toList());
    }

    private static Arbitrary<Optional<String>> anyBody(JsonNode schema) {
        return Arbitraries.frequencyOf(
                Tuple.of(5, JsonValues.plausible(schema, 0).map(v -> Optional.of(v.toString()))),
                Tuple.of(5, JsonValues.hostile(schema, 0).map(v -> Optional.of(v.toString()))),
                Tuple.of(1, Arbitraries.just(Optional.<String>empty())),
                Tuple.of(1, Arbitraries.of("", " ", "[]", "{}", "null", "42", "\"text\"").map(Optional::of)),
                Tuple.of(1, Arbitraries.of(TRAILING_GARBAGE).map(Optional::of)),
                Tuple.of(2, brokenBody(schema).map(Optional::of)));
    }

    private static Arbitrary<String> brokenBody(JsonNode schema) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(BROKEN_JSON)),
                Tuple.of(2, JsonValues.plausible(schema, 0).map(v -> JsonValues.NODES.arrayNode().add(v).toString())),
                Tuple.of(1, Arbitraries.of("[]", "42", "\"text\"", "true")),
                Tuple.of(1, Arbitraries.integers().between(1_500, 5_000).map(depth -> "[".repeat(depth) + "]".repeat(depth))),
                Tuple.of(4, JsonValues.plausible(schema, 0).flatMap(value -> withUncoercibleField(schema, value))));
    }

    /** The object with one of its schema's properties replaced by a value no binding accepts. */
    private static Arbitrary<String> withUncoercibleField(JsonNode schema, JsonNode value) {
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
            return Arbitraries.just("[" + value + "]");
        }
        return Arbitraries.of(names).map(name -> {
            ObjectNode copy = ((ObjectNode) value).deepCopy();
            copy.set(name, JsonValues.uncoercible(kindOf(value.get(name))));
            return copy.toString();
        });
    }

    private static JsonNode kindOf(JsonNode value) {
        return value.isObject() ? JsonValues.NODES.objectNode().put("type", "object") : JsonValues.NODES.objectNode().put("type", "string");
    }

    /** A JSON value as a parameter's text: strings bare, everything else as JSON. */
    private static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }
}
