package com.commerceinsight.deploy.kustomize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * A strategic merge patch as Kubernetes applies one to the fields the overlays patch: maps merge, lists of containers,
 * environment variables, volumes and mounts merge by their key, every other list is replaced, null removes a field.
 * Patch directives ($patch, $retainKeys, $setElementOrder...) are not supported and fail.
 */
final class StrategicMerge {

    /** The merge key of each list Kubernetes merges by key, as its OpenAPI schema declares (x-kubernetes-patch-merge-key). */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath");

    private StrategicMerge() {
    }

    static void apply(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + name + " is not rendered here");
            }
            JsonNode current = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                apply((ObjectNode) current, (ObjectNode) value);
            } else if (value.isArray() && current != null && current.isArray() && MERGE_KEYS.containsKey(name)) {
                mergeByKey((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(name));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeByKey(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            if (!item.hasNonNull(key)) {
                throw new IllegalArgumentException("list item without its merge key " + key + ": " + item);
            }
            ObjectNode existing = null;
            for (JsonNode candidate : current) {
                if (candidate.path(key).equals(item.path(key))) {
                    existing = (ObjectNode) candidate;
                }
            }
            if (existing == null) {
                current.add(item.deepCopy());
            } else {
                apply(existing, (ObjectNode) item);
            }
        }
    }
}
