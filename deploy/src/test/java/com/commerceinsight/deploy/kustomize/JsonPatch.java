package com.commerceinsight.deploy.kustomize;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** RFC 6902 operations add, replace and remove (the ones the overlays use); any other operation fails. */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode document, ArrayNode operations) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            JsonPointer pointer = JsonPointer.compile(operation.path("path").asText());
            JsonNode parent = document.at(pointer.head());
            String last = pointer.last().getMatchingProperty();
            if (parent.isMissingNode()) {
                throw new IllegalArgumentException("no parent for " + pointer);
            }
            switch (op) {
                case "add" -> add(parent, last, operation.path("value").deepCopy());
                case "replace" -> {
                    requirePresent(parent, last, pointer);
                    remove(parent, last);
                    add(parent, last, operation.path("value").deepCopy());
                }
                case "remove" -> {
                    requirePresent(parent, last, pointer);
                    remove(parent, last);
                }
                default -> throw new IllegalArgumentException("JSON patch operation '" + op + "' is not rendered here");
            }
        }
    }

    private static void add(JsonNode parent, String key, JsonNode value) {
        if (parent.isArray()) {
            ArrayNode array = (ArrayNode) parent;
            if (key.equals("-")) {
                array.add(value);
            } else {
                array.insert(index(array, key, true), value);
            }
        } else {
            ((ObjectNode) parent).set(key, value);
        }
    }

    private static void remove(JsonNode parent, String key) {
        if (parent.isArray()) {
            ((ArrayNode) parent).remove(index((ArrayNode) parent, key, false));
        } else {
            ((ObjectNode) parent).remove(key);
        }
    }

    private static void requirePresent(JsonNode parent, String key, JsonPointer pointer) {
        boolean present = parent.isArray() ? index((ArrayNode) parent, key, false) < parent.size() : parent.has(key);
        if (!present) {
            throw new IllegalArgumentException("nothing at " + pointer + " to replace or remove");
        }
    }

    private static int index(ArrayNode array, String key, boolean mayAppend) {
        int index = Integer.parseInt(key);
        if (index < 0 || index > array.size() || (!mayAppend && index == array.size())) {
            throw new IllegalArgumentException("index " + key + " outside an array of " + array.size());
        }
        return index;
    }
}
