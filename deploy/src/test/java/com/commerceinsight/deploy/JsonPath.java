package com.commerceinsight.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Dotted paths into a resource, as PSRule writes its field conditions: property names match case-insensitively,
 * {@code [n]} picks an element and {@code [*]} every element, so one path can yield several values.
 */
final class JsonPath {

    private JsonPath() {
    }

    /** The values the path reaches; a missing property yields one missing node, an empty [*] none. */
    static List<JsonNode> values(JsonNode root, String path) {
        List<JsonNode> current = List.of(root);
        for (String segment : path.split("\\.")) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                next.addAll(step(node, segment));
            }
            current = next;
        }
        return current;
    }

    /** Replaces every value the path reaches, creating the last property where its parent object exists. */
    static void replace(JsonNode root, String path, UnaryOperator<JsonNode> newValue) {
        int lastDot = path.lastIndexOf('.');
        String last = path.substring(lastDot + 1);
        List<JsonNode> parents = lastDot < 0 ? List.of(root) : values(root, path.substring(0, lastDot));
        String property = last.contains("[") ? last.substring(0, last.indexOf('[')) : last;
        for (JsonNode parent : parents) {
            if (!parent.isObject()) {
                continue;
            }
            String field = actualField(parent, property);
            if (last.contains("[")) {
                JsonNode array = parent.path(field);
                for (int i = 0; i < array.size(); i++) {
                    if (last.endsWith("[*]") || last.endsWith("[" + i + "]")) {
                        ((com.fasterxml.jackson.databind.node.ArrayNode) array).set(i, newValue.apply(array.get(i)));
                    }
                }
            } else {
                ((ObjectNode) parent).set(field, newValue.apply(parent.path(field)));
            }
        }
    }

    private static List<JsonNode> step(JsonNode node, String segment) {
        String property = segment.contains("[") ? segment.substring(0, segment.indexOf('[')) : segment;
        JsonNode value = node.isObject() ? node.path(actualField(node, property)) : MissingNode.getInstance();
        if (!segment.contains("[")) {
            return List.of(value);
        }
        String index = segment.substring(segment.indexOf('[') + 1, segment.length() - 1);
        if (index.equals("*")) {
            List<JsonNode> all = new ArrayList<>();
            value.forEach(all::add);
            return all;
        }
        return List.of(value.path(Integer.parseInt(index)));
    }

    private static String actualField(JsonNode object, String property) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            String name = fields.next().getKey();
            if (name.equalsIgnoreCase(property)) {
                return name;
            }
        }
        return property;
    }
}
