package com.commerceinsight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What a PSRule condition asks of the values a path reaches, and a value that would break it (so a test can show the
 * rule catches the break). Missing values fail every expectation except {@link #notEqualTo} and {@link #noneOf}.
 */
record Expectation(String description, Predicate<List<JsonNode>> test, UnaryOperator<JsonNode> counterexample) {

    private static final ObjectMapper JSON = new ObjectMapper();

    boolean isMetBy(List<JsonNode> values) {
        return test.test(values);
    }

    static Expectation equalTo(Object expected) {
        JsonNode value = JSON.valueToTree(expected);
        return new Expectation("= " + value, all(v -> v.equals(value)), original -> broken(value));
    }

    static Expectation oneOf(Object... allowed) {
        List<JsonNode> values = nodes(allowed);
        return new Expectation("in " + values, all(values::contains), original -> TextNode.valueOf("not-allowed"));
    }

    static Expectation notEqualTo(Object forbidden) {
        JsonNode value = JSON.valueToTree(forbidden);
        return new Expectation("absent or not " + value, values -> values.stream().noneMatch(value::equals), original -> value);
    }

    static Expectation noneOf(Object... forbidden) {
        List<JsonNode> values = nodes(forbidden);
        return new Expectation("none of " + values, v -> v.stream().noneMatch(values::contains), original -> values.get(0));
    }

    /** A number at least this large, or an array or object with at least this many entries. */
    static Expectation atLeast(int minimum) {
        return new Expectation(">= " + minimum,
                all(v -> v.isContainerNode() ? v.size() >= minimum : v.isNumber() && v.asInt() >= minimum),
                original -> original.isArray() ? JsonNodeFactory.instance.arrayNode()
                        : original.isObject() ? JsonNodeFactory.instance.objectNode() : IntNode.valueOf(minimum - 1));
    }

    static Expectation matches(String regex) {
        return new Expectation("matches " + regex, all(v -> v.isTextual() && v.asText().matches(regex)),
                original -> TextNode.valueOf("-Not valid-"));
    }

    /** Every listed value is among the values (a set of log categories, say). */
    static Expectation includes(String... required) {
        List<JsonNode> values = nodes((Object[]) required);
        return new Expectation("includes " + values, v -> v.containsAll(values), original -> TextNode.valueOf("other"));
    }

    static Expectation present() {
        return new Expectation("present", all(v -> !v.isMissingNode() && !v.isNull() && !v.asText().isEmpty()
                || v.isContainerNode()), original -> NullNode.getInstance());
    }

    private static Predicate<List<JsonNode>> all(Predicate<JsonNode> each) {
        return values -> !values.isEmpty() && values.stream().allMatch(each);
    }

    private static JsonNode broken(JsonNode expected) {
        if (expected.isBoolean()) {
            return JsonNodeFactory.instance.booleanNode(!expected.asBoolean());
        }
        return expected.isNumber() ? IntNode.valueOf(expected.asInt() - 1) : TextNode.valueOf(expected.asText() + "-broken");
    }

    private static List<JsonNode> nodes(Object... values) {
        return Arrays.stream(values).map(v -> (JsonNode) JSON.valueToTree(v)).toList();
    }

    @Override
    public String toString() {
        return description;
    }
}
