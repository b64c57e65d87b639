package com.commerceinsight.apikit.fuzz;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Generators of JSON values for a schema: plausible ones (within the schema, so requests get past parsing and
 * reach the service's own checks), hostile ones (wrong types, out-of-range, huge and negative numbers, long and
 * unicode strings, odd dates, missing and extra fields) and, for operations fuzzed on their validation only, values of
 * a JSON kind no binding can coerce.
 */
final class JsonValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 4;

    private static final List<String> ODD_DATES = List.of("2024-13-01", "2024-02-30", "2023-02-29", "0000-01-01",
            "0001-01-01", "9999-12-31", "-0001-01-01", "+10000-01-01", "2024-1-1", "20240101", "01/02/2024", "garbage", "",
            " ", "2024-01-01T00:00:00", "1970-01-01");
    private static final List<String> ODD_DATE_TIMES = List.of("2024-01-01T25:00:00", "2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00+14:00", "9999-12-31T23:59:59.999999999", "0000-01-01T00:00:00", "+99999-01-01T00:00:00",
            "2024-01-01", "2024-01-01 00:00:00", "1970-01-01T00:00:00", "garbage", "", "2024-02-30T12:00:00");
    private static final List<String> UNICODE = List.of("Ünïcödé", "名前", "😀🎉", "\u202Eevil", "a\u0000b",
            "\uFEFFbom", "e\u0301", "\t\n", "' OR 1=1 --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "null");

    private JsonValues() {
    }

    static String type(JsonNode schema) {
        JsonNode type = schema == null ? null : schema.get("type");
        if (type == null) {
            if (schema != null && schema.has("properties")) {
                return "object";
            }
            if (schema != null && schema.has("enum")) {
                return "string";
            }
            return null;
        }
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!"null".equals(option.asText())) {
                    return option.asText();
                }
            }
            return null;
        }
        return type.asText();
    }

    private static String format(JsonNode schema) {
        return schema == null ? "" : schema.path("format").asText("");
    }

    /** Plausible or hostile, mostly plausible. */
    static Gen<JsonNode> any(JsonNode schema, int depth) {
        return Gen.frequency(Gen.weight(3, plausible(schema, depth)), Gen.weight(2, hostile(schema, depth)));
    }

    static Gen<JsonNode> plausible(JsonNode schema, int depth) {
        if (schema != null && schema.has("enum") && schema.get("enum").size() > 0) {
            List<JsonNode> values = new ArrayList<>();
            schema.get("enum").forEach(values::add);
            return Gen.of(values);
        }
        String type = type(schema);
        if (type == null) {
            return Gen.of(List.of(NODES.textNode("x"), NODES.numberNode(1), NODES.booleanNode(true)));
        }
        return switch (type) {
            case "integer" -> {
                long min = schema.has("minimum") ? schema.get("minimum").asLong() : 0;
                long max = schema.has("maximum") ? Math.min(schema.get("maximum").asLong(), min + 10_000) : min + 50;
                yield Gen.longs(min, Math.max(min, max)).map(NODES::numberNode);
            }
            case "number" -> Gen.doubles(0, 1000).map(NODES::numberNode);
            case "boolean" -> Gen.of(List.of(true, false)).map(NODES::booleanNode);
            case "string" -> plausibleString(format(schema));
            case "array" -> depth >= MAX_DEPTH ? Gen.just(NODES.arrayNode())
                    : plausible(schema.get("items"), depth + 1).list(0, 3).map(JsonValues::array);
            case "object" -> object(schema, depth, false);
            default -> Gen.just(NODES.nullNode());
        };
    }

    private static Gen<JsonNode> plausibleString(String format) {
        Gen<LocalDate> dates = Gen.ints(0, 4000).map(d -> LocalDate.of(2016, 1, 1).plusDays(d));
        return switch (format) {
            case "date" -> dates.map(d -> NODES.textNode(d.toString()));
            case "date-time" -> dates.map(d -> NODES.textNode(d + "T10:15:30"));
            default -> Gen.alphanumeric(1, 12).map(NODES::textNode);
        };
    }

    static Gen<JsonNode> hostile(JsonNode schema, int depth) {
        String type = schema != null && schema.has("enum") ? "enum" : type(schema);
        List<JsonNode> fixed = new ArrayList<>(List.of(NODES.nullNode(), NODES.textNode(""), NODES.objectNode(),
                NODES.arrayNode(), NODES.booleanNode(true)));
        List<Gen<JsonNode>> generated = new ArrayList<>(List.of(strings()));
        if (type != null) {
            switch (type) {
                case "integer", "number" -> {
                    fixed.addAll(numbers());
                    generated.add(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE).map(NODES::numberNode));
                    generated.add(Gen.doubles(-1e12, 1e12).map(NODES::numberNode));
                }
                case "string" -> {
                    String format = format(schema);
                    if (format.equals("date")) {
                        ODD_DATES.forEach(d -> fixed.add(NODES.textNode(d)));
                    } else if (format.equals("date-time")) {
                        ODD_DATE_TIMES.forEach(d -> fixed.add(NODES.textNode(d)));
                    }
                    fixed.addAll(numbers());
                }
                case "enum" -> {
                    schema.get("enum").forEach(v -> fixed.add(NODES.textNode(v.asText().toLowerCase() + " ")));
                    fixed.add(NODES.textNode("NOT_A_VALUE"));
                    fixed.add(NODES.numberNode(0));
                }
                case "boolean" -> fixed.addAll(List.of(NODES.textNode("yes"), NODES.numberNode(2), NODES.textNode("TRUE ")));
                case "array" -> {
                    fixed.add(NODES.textNode("not-an-array"));
                    generated.add(Gen.just(hugeArray()));
                    if (depth < MAX_DEPTH) {
                        generated.add(hostile(schema.get("items"), depth + 1).list(1, 3).map(JsonValues::array));
                    }
                }
                case "object" -> {
                    fixed.add(NODES.textNode("not-an-object"));
                    if (depth < MAX_DEPTH) {
                        generated.add(object(schema, depth, true));
                    }
                }
                default -> {
                }
            }
        }
        List<Gen<JsonNode>> choices = new ArrayList<>(generated);
        choices.add(Gen.of(fixed));
        return Gen.oneOf(choices);
    }

    private static List<JsonNode> numbers() {
        return List.of(NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(Integer.MAX_VALUE),
                NODES.numberNode(Integer.MAX_VALUE + 1L), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(Long.MIN_VALUE),
                NODES.numberNode(new BigInteger("99999999999999999999999999")), NODES.numberNode(new BigDecimal("1E+309")),
                NODES.numberNode(new BigDecimal("-1E+309")), NODES.numberNode(1.5), NODES.numberNode(-0.0),
                NODES.numberNode(new BigDecimal("1E-400")), NODES.textNode("NaN"), NODES.textNode("12abc"));
    }

    /** Long, unicode and control-character strings. */
    private static Gen<JsonNode> strings() {
        return Gen.oneOf(List.<Gen<JsonNode>>of(
                Gen.of(UNICODE).map(NODES::textNode),
                Gen.anyUnicode(1, 40).map(NODES::textNode),
                Gen.ints(1_000, 20_000).map(n -> NODES.textNode("x".repeat(n))),
                Gen.ints(100, 2_000).map(n -> NODES.textNode("ü😀".repeat(n)))));
    }

    private static JsonNode hugeArray() {
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < 20_000; i++) {
            array.add(i);
        }
        return array;
    }

    /**
     * An object of the schema's properties: each present or left out, plausible or (when hostile) sometimes hostile
     * or null, and now and then a field the schema does not know.
     */
    private static Gen<JsonNode> object(JsonNode schema, int depth, boolean hostile) {
        List<String> names = new ArrayList<>();
        List<Gen<Optional<JsonNode>>> values = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            names.add(property.getKey());
            Gen<JsonNode> value = hostile ? any(property.getValue(), depth + 1) : plausible(property.getValue(), depth + 1);
            boolean required = isRequired(schema, property.getKey());
            values.add(Gen.frequency(
                    Gen.weight(required && !hostile ? 10 : 6, value.map(Optional::of)),
                    Gen.weight(hostile ? 2 : (required ? 0 : 3), Gen.just(Optional.<JsonNode>empty())),
                    Gen.weight(hostile ? 1 : 0, Gen.just(Optional.<JsonNode>of(NODES.nullNode())))));
        }
        Gen<Optional<JsonNode>> extra = Gen.frequency(
                Gen.weight(hostile ? 2 : 8, Gen.just(Optional.<JsonNode>empty())),
                Gen.weight(1, strings().map(Optional::of)));
        values.add(extra);
        names.add("unexpectedField");
        return Gen.<Optional<JsonNode>>sequence(values).map(chosen -> {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < chosen.size(); i++) {
                int index = i;
                chosen.get(i).ifPresent(v -> object.set(names.get(index), v));
            }
            return object;
        });
    }

    static boolean isRequired(JsonNode schema, String property) {
        for (JsonNode name : schema.path("required")) {
            if (name.asText().equals(property)) {
                return true;
            }
        }
        return false;
    }

    /** A value of a JSON kind the schema's type cannot be bound from by any lenient coercion. */
    static JsonNode uncoercible(JsonNode schema) {
        String type = type(schema);
        if ("object".equals(type)) {
            return NODES.arrayNode().add(1).add(2);
        }
        return NODES.objectNode().put("unexpected", 1);
    }

    static ArrayNode array(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
